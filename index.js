// n8n loads this package through the `n8n` block of package.json, not through this file.
// It exports the compiled node and credential classes for programmatic use, such as tests
// or tools that register node types themselves. Run `npm run build` first.
module.exports = {
	OctocularApi: require('./dist/credentials/OctocularApi.credentials').OctocularApi,
	OctocularRooms: require('./dist/nodes/OctocularRooms/OctocularRooms.node').OctocularRooms,
	OctocularRoomsTrigger: require('./dist/nodes/OctocularRooms/OctocularRoomsTrigger.node')
		.OctocularRoomsTrigger,
};
