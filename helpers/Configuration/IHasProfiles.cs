namespace DeepCnn.Configuration;

/// <summary>An options record that knows its values for each <see cref="RunProfile"/> (the full profile keeps them as written).</summary>
public interface IHasProfiles<out T> : IOverridableOptions
{
    /// <summary>This record with <paramref name="profile"/>'s values applied; <see cref="RunProfile.Full"/> returns it unchanged.</summary>
    T For(RunProfile profile);
}
