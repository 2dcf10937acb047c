namespace DeepCnn.Configuration;

/// <summary>
/// An options record whose public settable properties take <c>ALEXNET_*</c> overrides; their variables count as known
/// names (see <see cref="KnownVariables"/>). Records with a quick profile are marked through <see cref="IHasQuickProfile{T}"/>.
/// </summary>
public interface IOverridableOptions;
