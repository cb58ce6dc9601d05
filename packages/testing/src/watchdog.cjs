// Preloaded into the Prism process: exit as soon as the parent that started us goes away
// (its end of our stdin pipe closes), so a killed test run leaves no mock server behind.
'use strict';
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
