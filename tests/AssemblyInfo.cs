// Tests run one at a time: several measure process-wide things (resident memory, live tensors, thread counts),
// and on a two-core machine parallel TorchSharp work only slows every test down.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
