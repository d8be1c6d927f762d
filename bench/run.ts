/** `npm run bench`: engine throughput (Node) and page cost (Chromium), each against a baseline run in the same process. */
import { runEngineBench } from './engine';

console.log('## Engine (MB/s; ratio against naive whole-text compromise)');
runEngineBench();
if (!process.argv.includes('--engine-only')) {
  const { runPageBench } = await import('./page');
  console.log('\n## Page (added main-thread time against the same page without the extension)');
  await runPageBench();
}
