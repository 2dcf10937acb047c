using System.Security.Cryptography;

namespace DeepCnn.Tests.Data;

/// <summary>A stable fingerprint of a synthetic record, pinned so a change to the generator is a visible decision.</summary>
internal static class SyntheticFingerprint
{
    public const string Expected = "59CFFE88783CCBF8";

    public static string Of(byte[] record) => Convert.ToHexString(SHA256.HashData(record))[..16];
}
