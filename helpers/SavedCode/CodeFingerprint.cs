using System.Security.Cryptography;
using System.Text;

namespace DeepCnn.SavedCode;

/// <summary>Short fingerprints of code, so a run can say which version of the chapter's code it trained.</summary>
public static class CodeFingerprint
{
    /// <summary>The first 8 hex digits of the SHA-256 of <paramref name="code"/> with line endings made \n and trailing blank lines dropped.</summary>
    public static string Of(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var normal = code.ReplaceLineEndings("\n").TrimEnd('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normal)))[..8];
    }
}
