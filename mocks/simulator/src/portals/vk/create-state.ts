/** The portal's state on create and reset: the demo VK from the roster (unless `demo: false`), then `data.vk`. */
import type { PortalRuntime } from '../../engine/types.js';
import { applyVkData, type VkData } from './data.js';
import { addDemo } from './demo.js';
import { emptyVkState, type VkState } from './state.js';

export function createVkState(runtime: PortalRuntime<VkData>): VkState {
  const state = emptyVkState();
  if (runtime.data?.demo !== false) {
    addDemo(state, runtime.demo, runtime.random.fork('vk-demo'), runtime.clock.nowMs());
  }
  if (runtime.data !== undefined) {
    applyVkData(state, runtime.data);
  }
  return state;
}
