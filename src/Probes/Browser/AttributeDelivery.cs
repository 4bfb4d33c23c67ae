namespace Harness.Probes.Browser;

/// <summary>
/// How a participant's attributes (participant, role, client_version and its own tags) reach its page.
/// The page can then behave as that client would, and the samples carry the same values as tags.
/// </summary>
[Flags]
public enum AttributeDelivery
{
    /// <summary>The page is not told.</summary>
    None = 0,

    /// <summary>
    /// Appended to every <c>goto</c> URL as query parameters (<c>?client_version=2.3</c>), unless the URL already
    /// has that parameter.
    /// </summary>
    Query = 1,

    /// <summary>An init script sets <c>window.harnessParticipant</c> to an object of the attributes before any page script runs.</summary>
    Script = 2,

    /// <summary>Every request of the page carries <c>X-Client-Version: 2.3</c> and the like (_ as -, words capitalised).</summary>
    Header = 4,
}
