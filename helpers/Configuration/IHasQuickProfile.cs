namespace DeepCnn.Configuration;

/// <summary>An options record that knows its shrunk-down values for <see cref="RunProfile.Quick"/>.</summary>
public interface IHasQuickProfile<out T> : IOverridableOptions
{
    /// <summary>This record with the quick profile's values applied.</summary>
    T ForQuickProfile();
}
