using DeepCnn.Compute;
using DeepCnn.Configuration;

namespace DeepCnn.Notebook;

/// <summary>The facts a reader needs when comparing their outputs with someone else's.</summary>
public static class SessionInfo
{
    /// <summary>One line: library versions, device, threads and run profile.</summary>
    public static string Describe()
    {
        var machine = MachineInfo.Current();
        var device = Devices.Resolve();
        var profile = EnvironmentOverrides.Profile switch
        {
            RunProfile.Quick => "QUICK profile (ALEXNET_PROFILE=quick: synthetic data, small subsets)",
            RunProfile.Class => "CLASS profile (ALEXNET_PROFILE=class: the data cut to a lesson's length)",
            _ => "full profile",
        };
        return $"TorchSharp {machine.TorchSharpVersion} (libtorch {machine.LibTorchVersion}), device: {Devices.Describe(device)}, {profile}, " +
               machine.DotNetVersion;
    }
}
