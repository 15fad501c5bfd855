namespace RetailDatagen.Core.Options;

/// <summary>Raised when options break a documented rule; <see cref="Errors"/> names each field.</summary>
public sealed class OptionsValidationException(IReadOnlyList<ValidationError> errors)
    : Exception(string.Join(Environment.NewLine, errors.Select(e => e.Message)))
{
    public IReadOnlyList<ValidationError> Errors { get; } = errors;
}
