// One notebook series run is shared by every test (a collection fixture); the tests only read its results.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
