/** Extraction and scrape benchmarks: filled in once the pipeline's entry points exist. */
export interface PipelineResult { json: unknown; rows: { metric: string; value: string; goal: string; ok: boolean | null }[] }
export async function benchExtract(_shared: string): Promise<PipelineResult> { throw new Error('extraction entry point not available yet'); }
export async function benchScrape(_shared: string, _work: string): Promise<PipelineResult> { throw new Error('scrape CLI not available yet'); }
