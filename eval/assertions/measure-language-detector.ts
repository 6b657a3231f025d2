// Measures the language detector on paragraphs of known language: how many it labels right,
// wrong, or undetermined. Usage:
//   npx tsx eval/assertions/measure-language-detector.ts --es knowledge/docs/*.md --en README.md ARCHITECTURE.md
import { readFileSync } from 'node:fs';
import { detectLanguage, type DetectedLanguage } from './language-detector';

function paragraphs(file: string): string[] {
  return readFileSync(file, 'utf8')
    .replace(/```[\s\S]*?```/g, '\n\n')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '' && !block.startsWith('|') && !block.startsWith('#'));
}

const files: Record<'es' | 'en', string[]> = { es: [], en: [] };
let current: 'es' | 'en' | undefined;
for (const argument of process.argv.slice(2)) {
  if (argument === '--es' || argument === '--en') current = argument.slice(2) as 'es' | 'en';
  else if (current) files[current].push(argument);
  else throw new Error(`give --es or --en before ${argument}`);
}

for (const language of ['es', 'en'] as const) {
  const counts: Record<DetectedLanguage, number> = { es: 0, en: 0, undetermined: 0 };
  const wrong: string[] = [];
  let total = 0;
  for (const file of files[language])
    for (const paragraph of paragraphs(file)) {
      const detected = detectLanguage(paragraph).language;
      counts[detected] += 1;
      total += 1;
      if (detected !== language && detected !== 'undetermined') wrong.push(paragraph.slice(0, 100));
    }
  const share = (count: number) => `${count} (${((100 * count) / Math.max(total, 1)).toFixed(1)}%)`;
  console.log(
    `${language}: ${total} paragraphs: right ${share(counts[language])}, wrong ${share(total - counts[language] - counts.undetermined)}, undetermined ${share(counts.undetermined)}`,
  );
  for (const text of wrong.slice(0, 5)) console.log(`  wrong: ${JSON.stringify(text)}`);
}
