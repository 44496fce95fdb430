"""Extraction beyond one machine, on Dask (the `argmine[dask]` extra).

`engine.DaskEngine` plugs into the extract loop (`argmine.runner.ExtractRun`) in
place of its process pool: this process reads files, asks the store's cache and
parses articles as always; uncached articles travel to Dask workers in shards of
up to `SHARD_DOCS` documents or `SHARD_CHARS` characters; each worker (model loaded
once per worker process, `worker.run_shard`) writes its shard's results to a file
named by what the shard holds (`shards`), and this process merges each finished
shard into the store (`merge`), so results, store and progress are the ones
`--jobs` gives. Only plain data crosses processes: articles, keys and file names.

Importing this package imports neither Dask nor spaCy.
"""
