namespace DeepCnn.Configuration;

/// <summary>
/// An options record whose public settable properties take <c>ALEXNET_*</c> overrides; their variables count as known
/// names (see <see cref="KnownVariables"/>). Records with profiles are marked through <see cref="IHasProfiles{T}"/>.
/// </summary>
public interface IOverridableOptions;
