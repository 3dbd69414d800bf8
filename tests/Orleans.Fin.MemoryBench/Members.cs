using System.Collections;
using System.Globalization;

namespace Orleans.Fin.MemoryBench;

/// <summary>The customers one call of <see cref="Population.AddAsync"/> onboarded; customer i uses the device <c>dev-RUN-i</c>.</summary>
public sealed class Members(string run, Member[] members) : IReadOnlyList<Member>
{
    public int Count => members.Length;

    public Member this[int index] => members[index];

    public string DeviceId(int index) => string.Create(CultureInfo.InvariantCulture, $"dev-{run}-{index}");

    public IEnumerator<Member> GetEnumerator() => ((IEnumerable<Member>)members).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
