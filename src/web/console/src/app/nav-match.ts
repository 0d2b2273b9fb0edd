/**
 * The entry to highlight for a path: the longest one it is at or below, so /loyalty/rules lights
 * up "rules", not the programme page at /loyalty above it. Pure (no React), so it is unit-tested.
 */
export function activeNavPath(items: readonly { path: string }[], pathname: string): string | undefined {
  return items
    .filter((n) => pathname === n.path || pathname.startsWith(`${n.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0]?.path;
}
