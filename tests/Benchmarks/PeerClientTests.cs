using System.Text.Json.Nodes;
using DeepCnn.Benchmarks.Peer;
using DeepCnn.Models;

namespace DeepCnn.Tests.Benchmarks;

public sealed class PeerClientTests
{
    // Answers as alexnet_peer.py writes them (shortened), ids in request order.
    private const string Info = """
        {"ok":true,"op":"info","id":1,"torch":"1.13.0a0","python":"3.11.2","python_executable":"/usr/bin/python3","pid":42,"cpu":"AMD EPYC","blas":{"libraries":["/p/openblas-pthread/libblas.so.3"],"openblas_config":"OpenBLAS 0.3.21 DYNAMIC_ARCH","openblas_corename":"Cooperlake","openblas_threads":1},"threads":1,"interop_threads":1,"mkldnn":true,"config":"...","params":{"chapter":21247306,"classic":46787978}}
        """;

    private const string Setup = """
        {"ok":true,"op":"setup","id":2,"threads":2,"interop_threads":1,"blas_threads":2,"seed":0,"params":{"chapter":21247306,"classic":46787978}}
        """;

    private static (PeerClient Client, StringWriter Sent) Play(params string[] answers)
    {
        var sent = new StringWriter();
        return (new PeerClient(sent, new StringReader(string.Join('\n', answers.Select(a => a.Trim())) + "\n"), TimeSpan.FromSeconds(5)), sent);
    }

    private static JsonObject[] Requests(StringWriter sent) =>
        sent.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => (JsonObject)JsonNode.Parse(line)!).ToArray();

    [Fact]
    public void Connect_reads_versions_blas_and_threads_and_sends_the_thread_count()
    {
        var (client, sent) = Play(Info, Setup);
        var info = client.Connect(threads: 2);

        Assert.Equal("1.13.0a0", info.Torch);
        Assert.Equal("3.11.2", info.Python);
        Assert.Equal("OpenBLAS 0.3.21 DYNAMIC_ARCH (Cooperlake)", info.BlasDescription);
        Assert.Equal(2, info.Threads);
        Assert.Equal(2, info.BlasThreads);
        Assert.True(info.Mkldnn);
        Assert.Equal(46_787_978, info.Parameters["classic"]);
        var requests = Requests(sent);
        Assert.Equal("info", requests[0]["op"]!.GetValue<string>());
        Assert.Equal(2, requests[1]["threads"]!.GetValue<int>());
        Assert.Equal(2, requests[1]["id"]!.GetValue<int>());
    }

    [Fact]
    public void Connect_asks_for_the_device_and_reads_what_the_peer_runs_on()
    {
        var (client, sent) = Play("""
            {"ok":true,"op":"info","id":1,"torch":"2.11.0+cu130","python":"3.12.3","python_executable":"/opt/torch/.venv/bin/python3","pid":7,"cpu":"Intel Xeon","blas":{"libraries":[],"name":"Intel(R) oneAPI Math Kernel Library Version 2024.2, built into libtorch"},"threads":16,"interop_threads":1,"mkldnn":true,"cuda_available":true,"cuda_version":"13.0","config":"...","params":{"chapter":21247306,"classic":46787978}}
            """, """
            {"ok":true,"op":"setup","id":2,"threads":16,"interop_threads":1,"blas_threads":null,"seed":0,"params":{"chapter":21247306,"classic":46787978},"device":"cuda:0","device_name":"NVIDIA H200","cudnn":91300}
            """);
        var info = client.Connect(threads: 16, device: "cuda:0");

        Assert.Equal("cuda:0", Requests(sent)[1]["device"]!.GetValue<string>());
        Assert.Equal("cuda:0", info.Device);
        Assert.Equal("NVIDIA H200", info.DeviceName);
        Assert.Equal("cuda:0 (NVIDIA H200; CUDA 13.0, cuDNN 91300)", info.DeviceDescription);
        Assert.Equal("Intel(R) oneAPI Math Kernel Library Version 2024.2, built into libtorch", info.BlasDescription);
        Assert.Equal("/opt/torch/.venv/bin/python3", info.Executable);
        Assert.Null(info.BlasThreads);
    }

    [Fact]
    public void A_training_answer_gives_seconds_faults_and_loss_and_the_request_names_the_step()
    {
        var (client, sent) = Play("""
            {"ok":true,"op":"train","id":1,"variant":"classic","batch":64,"image":224,"inplace":true,"seconds":[2.1,2.3],"minor_faults":120000,"built_s":0.4,"median_s":2.2,"images_per_s":29.1,"loss":2.30}
            """);
        var timing = client.Train(AlexNetVariant.Classic, 64, 224, inplace: true, repetitions: 2);

        Assert.Equal([2.1, 2.3], timing.Seconds);
        Assert.Equal(120_000, timing.MinorFaults);
        Assert.Equal(2.30, timing.Loss);
        Assert.Equal(0.4, timing.BuiltSeconds);
        var request = Requests(sent)[0];
        Assert.Equal("classic", request["variant"]!.GetValue<string>());
        Assert.True(request["inplace"]!.GetValue<bool>());
        Assert.Equal(2, request["reps"]!.GetValue<int>());
    }

    [Fact]
    public void A_profile_answer_becomes_layer_rows_with_names_split_from_descriptions()
    {
        var (client, _) = Play("""
            {"ok":true,"op":"profile","id":1,"variant":"chapter","batch":64,"image":224,"inplace":true,"layers":[{"name":"features.0 Conv2d(3,96,k11,s4)","output_shape":[64,96,54,54],"forward_s":0.2,"backward_s":0.3},{"name":"features.1 ReLU","output_shape":[64,96,54,54],"forward_s":0.01,"backward_s":-0.00001}],"loss_forward_s":0.001,"loss_backward_s":0.002,"zero_grad_s":0.003,"optimizer_step_s":0.05,"step_s":0.6,"loss":2.3,"built_s":0.0}
            """);
        var profile = client.Profile(AlexNetVariant.Chapter, 64, 224, inplace: true);

        Assert.Equal("Python", profile.Side);
        Assert.Equal(2, profile.Layers.Count);
        Assert.Equal("features.0", profile.Layers[0].Name);
        Assert.Equal("Conv2d(3,96,k11,s4)", profile.Layers[0].Description);
        Assert.Equal(0.3, profile.Layers[0].BackwardSeconds);
        Assert.Equal(0.05, profile.OptimizerStepSeconds);
        Assert.Equal(0.6, profile.StepSeconds);
    }

    [Fact]
    public void Memory_reads_resident_peak_faults_and_whether_the_peak_was_reset()
    {
        var (client, sent) = Play("""{"ok":true,"op":"rss","id":1,"peak_reset":true,"rss_bytes":241602560,"peak_rss_bytes":241602560,"minor_faults":35703}""");
        var memory = client.Memory(resetPeak: true);
        Assert.Equal(241_602_560, memory.PeakBytes);
        Assert.Equal(35_703, memory.MinorFaults);
        Assert.True(memory.PeakReset);
        Assert.True(Requests(sent)[0]["reset_peak"]!.GetValue<bool>());
    }

    [Fact]
    public void A_failed_request_raises_the_peers_error()
    {
        var (client, _) = Play("""{"ok":false,"op":"train","id":1,"error":"ValueError: unknown variant 'x' (chapter or classic)"}""");
        var error = Assert.Throws<PeerException>(() => client.Train(AlexNetVariant.Chapter, 8, 224, false));
        Assert.Contains("unknown variant", error.Message);
        Assert.Contains("'train'", error.Message);
    }

    [Theory]
    [InlineData("""{"ok":true,"op":"train","id":7,"seconds":[1.0]}""", "out of turn")]
    [InlineData("""{"ok":true,"op":"eval","id":1,"seconds":[1.0]}""", "out of turn")]
    [InlineData("Traceback (most recent call last):", "not JSON")]
    [InlineData("""{"ok":true,"op":"train","id":1}""", "lacks 'seconds'")]
    public void Answers_out_of_turn_garbled_or_incomplete_are_errors(string answer, string expected)
    {
        var (client, _) = Play(answer);
        var error = Assert.Throws<PeerException>(() => client.Train(AlexNetVariant.Chapter, 8, 224, false));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_peer_that_stops_answering_is_an_error_that_carries_its_last_log_lines()
    {
        var client = new PeerClient(new StringWriter(), new StringReader(""), TimeSpan.FromSeconds(5), () => "Segmentation fault");
        var error = Assert.Throws<PeerException>(() => client.Matmul(256));
        Assert.Contains("stopped", error.Message);
        Assert.Contains("Segmentation fault", error.Message);
    }

    [Fact]
    public void Disposing_says_quit_once()
    {
        var (client, sent) = Play("""{"ok":true,"op":"quit","id":1}""");
        client.Dispose();
        Assert.Single(Requests(sent), r => r["op"]!.GetValue<string>() == "quit");
    }
}
