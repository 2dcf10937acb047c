namespace DeepCnn.Benchmarks.Peer;

/// <summary>The peer process's memory: resident now, its peak, and page faults so far.</summary>
/// <param name="ResidentBytes">VmRSS.</param>
/// <param name="PeakBytes">VmHWM: the peak since start or since the last reset.</param>
/// <param name="MinorFaults">Minor page faults since the process started.</param>
/// <param name="PeakReset">Whether this request reset the peak (null when not asked).</param>
public sealed record PeerMemory(long ResidentBytes, long PeakBytes, long MinorFaults, bool? PeakReset);
