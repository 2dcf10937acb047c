using DeepCnn.Compute;
using static TorchSharp.torch;

namespace DeepCnn.Tests.Compute;

public sealed class LibTorchRouteTests
{
    private const string Maps = """
        7f1c2a000000-7f1c2a200000 r--p 00000000 08:01 1234  /opt/torch/lib/python3.12/site-packages/torch/lib/libtorch_cpu.so
        7f1c2a200000-7f1c2b000000 r-xp 00200000 08:01 1234  /opt/torch/lib/python3.12/site-packages/torch/lib/libtorch_cpu.so
        7f1c2b000000-7f1c2b100000 r--p 00000000 08:01 1240  /opt/torch/lib/python3.12/site-packages/torch/lib/libc10.so
        7f1c2c000000-7f1c2c100000 r-xp 00000000 08:01 1250  /app/libLibTorchSharp.so
        7f1c2d000000-7f1c2d100000 rw-p 00000000 00:00 0
        7ffd5c000000-7ffd5c021000 rw-p 00000000 00:00 0     [stack]
        """;

    [Fact]
    public void TorchSharp_here_is_built_for_the_libtorch_version_the_route_checks_against()
    {
        Assert.StartsWith(LibTorchRoute.BuiltFor + ".", __version__, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pytorch_install_names_its_version_in_version_py_beside_lib()
    {
        using var temp = new TempFolder();
        var lib = Directory.CreateDirectory(temp.Combine("torch", "lib")).FullName;
        File.WriteAllText(temp.Combine("torch", "version.py"), "from typing import Optional\n__version__ = '2.11.0+cu130'\ncuda: Optional[str] = '13.0'\n");

        Assert.Equal("2.11.0+cu130", LibTorchRoute.VersionOf(lib).Version);
        Assert.Equal("2.11.0+cu130", LibTorchRoute.VersionOf(lib + "/").Version);
    }

    [Fact]
    public void A_libtorch_download_names_its_version_in_build_version_and_a_bare_folder_says_it_cannot_tell()
    {
        using var temp = new TempFolder();
        var lib = Directory.CreateDirectory(temp.Combine("libtorch", "lib")).FullName;
        var (unknown, why) = LibTorchRoute.VersionOf(lib);
        Assert.Null(unknown);
        Assert.Contains("version.py", why, StringComparison.Ordinal);

        File.WriteAllText(temp.Combine("libtorch", "build-version"), "2.10.0+cpu\n");
        Assert.Equal("2.10.0+cpu", LibTorchRoute.VersionOf(lib).Version);
    }

    [Fact]
    public void Only_a_libtorch_of_another_or_unknown_version_gets_a_warning()
    {
        Assert.Null(LibTorchRoute.Warning("2.10.0+cu128", "version.py"));
        Assert.Null(LibTorchRoute.Warning("2.10.1", "version.py"));
        var other = LibTorchRoute.Warning("2.11.0+cu130", "version.py");
        Assert.NotNull(other);
        Assert.Contains("2.11.0+cu130", other, StringComparison.Ordinal);
        Assert.Contains("symbol lookup error", other, StringComparison.Ordinal);
        Assert.Contains("not known", LibTorchRoute.Warning(null, "no version file"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_libtorch_libraries_a_process_maps_are_read_from_its_maps_file()
    {
        Assert.Equal(
        [
            "/opt/torch/lib/python3.12/site-packages/torch/lib/libtorch_cpu.so",
            "/opt/torch/lib/python3.12/site-packages/torch/lib/libc10.so",
        ], LibTorchRoute.MappedLibraries(Maps));
    }

    [Fact]
    public void A_folder_that_is_not_a_libtorch_folder_is_refused_with_what_it_lacks()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.Combine("libc10.so"), "");

        var missing = Assert.Throws<ArgumentException>(() => LibTorchRoute.Load(temp.Path));
        Assert.Contains(temp.Path, missing.Message, StringComparison.Ordinal);
        Assert.Contains("libtorch_cpu.so, libtorch.so", missing.Message, StringComparison.Ordinal);

        var absent = Assert.Throws<ArgumentException>(() => LibTorchRoute.Load(temp.Combine("nowhere")));
        Assert.Contains("does not exist", absent.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryLoad_turns_a_refused_folder_into_the_reason_for_a_programs_error_line()
    {
        using var temp = new TempFolder();

        Assert.False(LibTorchRoute.TryLoad(temp.Combine("nowhere"), out var load, out var error));

        Assert.Null(load);
        Assert.Contains(temp.Combine("nowhere"), error, StringComparison.Ordinal);
        Assert.Contains("is not a libtorch folder", error, StringComparison.Ordinal);
        Assert.Null(LibTorchRoute.Current);
    }

    [Fact]
    public void Loading_after_torchsharp_has_loaded_its_own_libtorch_is_refused_before_anything_is_loaded()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var touch = zeros(1); // TorchSharp's own libtorch is in this process from here on
        using var temp = new TempFolder();
        foreach (var name in new[] { "libc10.so", "libtorch_cpu.so", "libtorch.so" })
        {
            File.WriteAllText(temp.Combine(name), "not a library");
        }

        var error = Assert.Throws<InvalidOperationException>(() => LibTorchRoute.Load(temp.Path));
        Assert.Contains("first thing in Main", error.Message, StringComparison.Ordinal);
        Assert.Null(LibTorchRoute.Current);
        Assert.Contains(LibTorchRoute.Mapped(), path => path.EndsWith("/libtorch_cpu.so", StringComparison.Ordinal));
    }
}
