namespace CSharpFrontend.Converter.Dockerfile.Subrequests;

/// <summary>The outline of a target: what it and the stages it builds on or reads from declare and use.</summary>
internal static class OutlineBuilder
{
    public static DockerfileOutline Build(StageDispatch target, ReadOnlyMemory<byte> source)
    {
        var args = new List<OutlineArgument>();
        var secrets = new List<OutlineSecret>();
        var ssh = new List<OutlineSecret>();
        var (seenArgs, seenSecrets, seenSsh) = (new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
        var visited = new HashSet<StageDispatch>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<StageDispatch>();
        pending.Push(target);
        while (pending.Count > 0)
        {
            var stage = pending.Pop();
            if (!visited.Add(stage))
            {
                continue;
            }

            var capture = stage.Outline;
            capture.MarkDependenciesUsed();
            foreach (var name in capture.UsedArgs.Order(StringComparer.Ordinal))
            {
                if (capture.AllArgs.TryGetValue(name, out var arg) && seenArgs.Add(name))
                {
                    args.Add(new OutlineArgument(arg.Name, arg.Value, arg.Description, arg.Line, arg.EndLine));
                }
            }

            foreach (var (table, seen, list) in new[] { (capture.Secrets, seenSecrets, secrets), (capture.Ssh, seenSsh, ssh) })
            {
                foreach (var mount in table.Values.OrderBy(m => m.Name, StringComparer.Ordinal))
                {
                    if (seen.Add(mount.Name))
                    {
                        list.Add(new OutlineSecret(mount.Name, mount.Required, mount.Line, mount.EndLine));
                    }
                }
            }

            foreach (var dep in stage.Deps.Stages.OrderByDescending(d => d.Name, StringComparer.Ordinal))
            {
                pending.Push(dep);
            }

            if (stage.Base is { } @base)
            {
                pending.Push(@base);
            }
        }

        return new DockerfileOutline(
            target.Name,
            target.Stage?.DocComment ?? "",
            [.. args.OrderBy(a => a.Line)],
            [.. secrets.OrderBy(s => s.Line)],
            [.. ssh.OrderBy(s => s.Line)],
            source);
    }
}
