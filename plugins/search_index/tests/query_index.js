// Run searches through search.js over an index on disk (used by the Python tests).
// node query_index.js INDEX_DIR < requests.json  →  [{urls, fallback, sort}]
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const VnSearch = require("../../../theme/static/js/search.js");

const folder = process.argv[2];
const index = new VnSearch.Index(folder + "/", (url) =>
  fs.promises.readFile(path.join(folder, url.slice(folder.length + 1).split("?")[0]))
    .then((buffer) => new Uint8Array(buffer))
);

async function run(request) {
  const result = await VnSearch.search(index, {
    text: request.text || "",
    categories: request.categories || [],
    from: VnSearch.parseDay(request.from || ""),
    to: VnSearch.parseDay(request.to || ""),
    sort: request.sort || "lien-quan",
    typing: Boolean(request.typing),
  });
  const meta = await index.meta();
  const records = await index.records(meta, result.ids);
  return { urls: records.map((r) => r[1]), fallback: result.fallback, sort: result.sort };
}

let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", async () => {
  const results = [];
  for (const request of JSON.parse(input)) results.push(await run(request));
  process.stdout.write(JSON.stringify(results));
});
