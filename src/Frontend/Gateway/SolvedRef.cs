namespace CSharpFrontend.Frontend.Gateway;

/// <summary>A result the daemon holds for us: its id (empty for an empty result) and, when sent, its definition.</summary>
/// <param name="Id">The daemon's ref id.</param>
/// <param name="Definition">The definition the ref was solved from, when the daemon returned it.</param>
public sealed record SolvedRef(string Id, Pb.Definition? Definition);
