using System.Security.Cryptography;

namespace DeepCnn.Tests.Data;

/// <summary>A stable fingerprint of a synthetic record, pinned so a change to the generator is a visible decision.</summary>
internal static class SyntheticFingerprint
{
    public const string Expected = "9A31EF47308C6298";

    public static string Of(byte[] record) => Convert.ToHexString(SHA256.HashData(record))[..16];
}
