// Removes the previous build so that renamed or deleted sources leave no stale files in dist/.
const { rmSync } = require('node:fs');
const path = require('node:path');

rmSync(path.join(__dirname, '..', 'dist'), { recursive: true, force: true });
