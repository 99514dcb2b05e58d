const { src, dest } = require('gulp');

// Copies the SVG icons next to the compiled files, because n8n resolves `file:` icon paths
// relative to each compiled node and credential file.
function buildIcons() {
	return src('icons/*.svg').pipe(dest('dist/icons'));
}

exports['build:icons'] = buildIcons;
