/**
 * Crash-test child: writes notes through the same services the app uses and prints each id on
 * stdout only after the write returned (= acknowledged). The parent kills it with SIGKILL at a
 * random moment and checks that every acknowledged note survived.
 *
 *   node writer.cjs <dataDir> <resourcesDir>
 */
import { openServices } from '../../electron/core/services';
import { documentText } from '../../electron/shared/text';

const [dataDir, resourcesDir] = process.argv.slice(2) as [string, string];
const services = openServices({ dataDir, resourcesDir });
const doc = services.content.listDocuments()[0]!;
const { text } = documentText(services.content.getDocument(doc.id));
const words = [...text.matchAll(/\p{L}{6,}/gu)];
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  const w = words[i % words.length]!;
  const a = services.notes.createAnnotation({
    documentId: doc.id,
    start: w.index,
    end: w.index + w[0].length,
    color: 'geel',
    note: `notitie ${i} ${'x'.repeat(i % 200)}`,
    tags: [`tag${i % 7}`],
  });
  process.stdout.write(`ack ${a.id}\n`);
  if (i % 5 === 0) {
    services.notes.savePosition(doc.id, '1a', { reasoning: `versie ${i}` });
    process.stdout.write(`pos versie ${i}\n`);
  }
}
