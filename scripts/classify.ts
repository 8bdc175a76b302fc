// npm run --silent classify -- <url>...
// Prints one JSON object per URL: {"url", "service", "category", "owner"} (null when nothing
// matches). Exit code 0 even when nothing matches; 2 with no URL.
import { catalogue } from '../src/catalogue';
import { compileClassifier } from '../src/core/catalogue';
import { isMainModule } from './lib/catalogue-files';

export function classifyLines(urls: readonly string[]): string[] {
  const classifier = compileClassifier(catalogue);
  return urls.map((url) => {
    const found = classifier.classify(url);
    return JSON.stringify({
      url,
      service: found?.service ?? null,
      category: found?.category ?? null,
      owner: found?.owner ?? null,
    });
  });
}

function main(argv: string[]): number {
  const urls = argv.filter((arg) => arg !== '--');
  if (urls.length === 0) {
    console.error('usage: npm run --silent classify -- <url> [<url>...]');
    return 2;
  }
  for (const line of classifyLines(urls)) console.log(line);
  return 0;
}

if (isMainModule(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
