/** The two things the adapter uses from msw; the entries pass the module they loaded. */
import type { HttpResponse, http } from 'msw';

export interface MswModule {
  http: typeof http;
  HttpResponse: typeof HttpResponse;
}
