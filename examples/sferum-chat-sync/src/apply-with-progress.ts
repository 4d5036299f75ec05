/**
 * Applies a plan with a progress bar and reports the failed steps: the same for VK and MAX, only the
 * number of steps in flight differs (MAX's limits are tighter).
 */
import type { ApplyResult, ChatSync, SyncPlan } from '@goskit/sferum';
import type { CliIo } from './cli.js';
import { progressBar } from './render.js';

export async function applyWithProgress(
  sync: ChatSync,
  plan: SyncPlan,
  io: CliIo,
  concurrency: number,
): Promise<ApplyResult> {
  const result = await sync.apply(plan, {
    concurrency,
    onProgress: (event) => {
      if (event.type === 'start') {
        io.out(`Применение: ${event.total} шагов`);
      } else if (event.type === 'step') {
        io.redraw?.(progressBar(event.completed, event.total));
      } else {
        const bar = progressBar(event.result.results.length, event.result.results.length);
        if (io.redraw) {
          io.redraw(bar);
          io.out('');
        } else {
          io.out(bar);
        }
      }
    },
  });
  io.out(`Готово: ${result.done} выполнено, ${result.failed} с ошибкой, ${result.skipped} пропущено`);
  for (const failed of result.results.filter((r) => r.status === 'failed')) {
    io.out(
      `  ✗ ${failed.step.kind} ${failed.step.key}: ${failed.error instanceof Error ? failed.error.message : String(failed.error)}`,
    );
  }
  return result;
}
