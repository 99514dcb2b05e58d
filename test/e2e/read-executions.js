'use strict';
// Prints, as one JSON array, the executions of one workflow stored in an n8n
// SQLite database: id, mode, status, and for each node the items of its first
// output. Run it with the Node.js and the node_modules of the n8n install that
// owns the file (NODE_PATH=<n8n install>/node_modules), because sqlite3 is a
// native module built for that Node.js.
//
// Usage: node read-executions.js DATABASE_FILE WORKFLOW_ID

const { parse } = require('flatted');
const sqlite3 = require('sqlite3');

const [databaseFile, workflowId] = process.argv.slice(2);
if (!databaseFile || !workflowId) {
	console.error('usage: node read-executions.js DATABASE_FILE WORKFLOW_ID');
	process.exit(2);
}

const database = new sqlite3.Database(databaseFile, sqlite3.OPEN_READONLY, (error) => {
	if (error) {
		console.error(`failed to open ${databaseFile}: ${error.message}`);
		process.exit(1);
	}
});
database.configure('busyTimeout', 5000);

const query = `
	SELECT e.id, e.mode, e.status, d.data
	FROM execution_entity e
	LEFT JOIN execution_data d ON d.executionId = e.id
	WHERE e.workflowId = ?
	ORDER BY e.id`;

database.all(query, [workflowId], (error, rows) => {
	if (error) {
		console.error(`failed to read executions: ${error.message}`);
		process.exit(1);
	}
	const executions = rows.map((row) => {
		const outputs = {};
		let errorMessage;
		if (row.data) {
			const run = parse(row.data);
			const runData = run?.resultData?.runData ?? {};
			for (const [nodeName, nodeRuns] of Object.entries(runData)) {
				const items = nodeRuns?.[0]?.data?.main?.[0] ?? [];
				outputs[nodeName] = items.map((item) => item.json);
			}
			errorMessage = run?.resultData?.error?.message;
		}
		return { id: row.id, mode: row.mode, status: row.status, outputs, errorMessage };
	});
	process.stdout.write(JSON.stringify(executions) + '\n');
	database.close();
});
