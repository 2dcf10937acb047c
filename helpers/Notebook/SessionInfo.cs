using DeepCnn.Compute;
using DeepCnn.Configuration;
using static TorchSharp.torch;

namespace DeepCnn.Notebook;

/// <summary>The facts a reader needs when comparing their outputs with someone else's.</summary>
public static class SessionInfo
{
    /// <summary>One line: library versions, device, threads and run profile.</summary>
    public static string Describe()
    {
        var torchSharp = typeof(Tensor).Assembly.GetName().Version;
        var device = Devices.Resolve();
        var profile = EnvironmentOverrides.Profile == RunProfile.Quick
            ? "QUICK profile (ALEXNET_PROFILE=quick: synthetic data, small subsets)"
            : "full profile";
        return $"TorchSharp {torchSharp?.ToString(3)} (libtorch {__version__}), device: {Devices.Describe(device)}, {profile}, " +
               $".NET {Environment.Version}";
    }
}
