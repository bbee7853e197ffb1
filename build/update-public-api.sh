#!/usr/bin/env bash
# Regenerates the public API baseline (PublicAPI.Shipped.txt / PublicAPI.Unshipped.txt) of every library package
# after its public API changed: builds each project, adds the public types and members the analyzer reports as
# undeclared (RS0016) to PublicAPI.Unshipped.txt, and removes the declared ones that are gone (RS0017) from either
# file. (`dotnet format analyzers --diagnostics RS0016` does the same through the analyzer's code fix, but here it
# missed symbols and wrote some without nullability; the build's own diagnostics are the reference.)
# Review the diff: it is the API change. At a release, move the Unshipped lines into Shipped.
#
#   build/update-public-api.sh                               # every library package
#   build/update-public-api.sh src/DanVan.Analytics.Search   # one or more project folders
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$#" -gt 0 ]; then
  projects=("$@")
else
  # The packable libraries (the dotnet tool, PackAsTool, has no public API of its own).
  mapfile -t projects < <(grep -l '<IsPackable>true</IsPackable>' src/*/*.csproj | xargs grep -L '<PackAsTool>true</PackAsTool>' | xargs -n1 dirname)
fi

for project in "${projects[@]}"; do
  project="${project%/}"
  csproj=$(ls "$project"/*.csproj)
  for file in PublicAPI.Shipped.txt PublicAPI.Unshipped.txt; do
    [ -f "$project/$file" ] || printf '#nullable enable\n' > "$project/$file"
  done

  echo "public API: $project"
  log=$(mktemp)
  # Errors are expected (they are what this script fixes); -nodeReuse:false so no build server outlives the script.
  dotnet build "$csproj" -nologo -v q -nodeReuse:false -p:TreatWarningsAsErrors=false > "$log" 2>&1 || true
  # "Symbol 'X' is not part of the declared public API" / "Symbol 'X' is part of the declared API, but is either not public or could not be found"
  added=$(grep -o "RS0016: Symbol '.*' is not part of the declared public API" "$log" | sed -E "s/^RS0016: Symbol '(.*)' is not part of the declared public API$/\1/" | sort -u || true)
  removed=$(grep -o "RS0017: Symbol '.*' is part of the declared API, but" "$log" | sed -E "s/^RS0017: Symbol '(.*)' is part of the declared API, but$/\1/" | sort -u || true)
  if grep -q " error " "$log" && ! grep -q " error RS00" "$log"; then
    grep " error " "$log" | sort -u | head -20
    echo "public API: $project does not build for other reasons; fix those first." >&2
    rm -f "$log"
    exit 1
  fi

  rm -f "$log"
  if [ -n "$removed" ]; then
    for file in "$project/PublicAPI.Shipped.txt" "$project/PublicAPI.Unshipped.txt"; do
      grep -vxF -f <(printf '%s\n' "$removed") "$file" > "$file.tmp" || true
      mv "$file.tmp" "$file"
    done
  fi

  if [ -n "$added" ]; then
    printf '%s\n' "$added" >> "$project/PublicAPI.Unshipped.txt"
  fi

  # Keep the header first and the entries sorted, so that concurrent changes merge line by line.
  { echo '#nullable enable'; grep -v '^#nullable enable$' "$project/PublicAPI.Unshipped.txt" | grep -v '^$' | LC_ALL=C sort -u; } > "$project/PublicAPI.Unshipped.txt.tmp"
  mv "$project/PublicAPI.Unshipped.txt.tmp" "$project/PublicAPI.Unshipped.txt"
  echo "  +$(printf '%s' "$added" | grep -c . || true) -$(printf '%s' "$removed" | grep -c . || true)"
done
