using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace DeepCnn.Tests.Notebooks;

/// <summary>The TCP ports a process tree listens on, read from <c>ss -ltnpH</c> while it runs (Linux).</summary>
internal static partial class ListeningSockets
{
    /// <summary>A listening TCP socket: the local address and port, and the process that owns it.</summary>
    public sealed record Socket(IPAddress Address, int Port, int ProcessId, string Command)
    {
        public bool OnLoopback => IPAddress.IsLoopback(Address);

        public override string ToString() => $"{Command} (pid {ProcessId}) on {new IPEndPoint(Address, Port)}";
    }

    /// <summary>The listening sockets owned by <paramref name="rootProcessId"/> or any process below it.</summary>
    public static IReadOnlyList<Socket> OfProcessTree(int rootProcessId)
    {
        var tree = Descendants(rootProcessId);
        var ss = ExternalProcess.Run("ss", ["-ltnpH"], TimeSpan.FromSeconds(10));
        return ss.Output.Split('\n').SelectMany(Parse).Where(s => tree.Contains(s.ProcessId)).ToArray();
    }

    // LISTEN 0 4096 127.0.0.1:2048 0.0.0.0:* users:(("dotnet",pid=19642,fd=129))
    private static IEnumerable<Socket> Parse(string line)
    {
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 6 || fields[0] != "LISTEN")
        {
            yield break;
        }

        var local = fields[3];
        var colon = local.LastIndexOf(':');
        var host = local[..colon].Trim('[', ']');
        var percent = host.IndexOf('%', StringComparison.Ordinal);
        host = percent >= 0 ? host[..percent] : host;
        var address = host == "*" ? IPAddress.IPv6Any : IPAddress.Parse(host);
        var port = int.Parse(local[(colon + 1)..], CultureInfo.InvariantCulture);
        foreach (Match owner in Owner().Matches(line))
        {
            yield return new Socket(address, port, int.Parse(owner.Groups["pid"].Value, CultureInfo.InvariantCulture), owner.Groups["command"].Value);
        }
    }

    private static HashSet<int> Descendants(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid))
            {
                continue;
            }

            try
            {
                // /proc/<pid>/stat: "pid (command) state ppid ..."; the command may contain spaces and parentheses.
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }

        var tree = new HashSet<int> { root };
        bool grew;
        do
        {
            grew = false;
            foreach (var (pid, parent) in parents)
            {
                grew |= tree.Contains(parent) && tree.Add(pid);
            }
        }
        while (grew);
        return tree;
    }

    [GeneratedRegex("""\("(?<command>[^"]*)",pid=(?<pid>\d+)""")]
    private static partial Regex Owner();
}
