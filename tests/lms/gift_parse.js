// Parses a GIFT file with gift-pegjs and prints the questions as JSON on stdout.
// Usage: node gift_parse.js FILE   (NODE_PATH must hold gift-pegjs)
"use strict";
const fs = require("fs");
const gift = require("gift-pegjs");
const text = fs.readFileSync(process.argv[2], "utf8");
try {
  process.stdout.write(JSON.stringify(gift.parse(text)));
} catch (error) {
  const where = error.location ? `${error.location.start.line}:${error.location.start.column}` : "";
  process.stderr.write(`${where}: ${error.message}\n`);
  process.exit(1);
}
