// Preloaded into the registry process: exit as soon as the process that started it goes away (its end of our
// stdin pipe closes), so a killed test run leaves no registry behind.
'use strict';
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
