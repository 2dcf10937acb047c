// Two collections run side by side: the tests that read the shared notebook runs (NotebookRuns: started together in
// the background by the first of them, each test waiting for the run it reads), and the tests that need none, which so
// run while the notebooks execute instead of after them. Within a collection tests run one at a time.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerClass, MaxParallelThreads = 2)]
