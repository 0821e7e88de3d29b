#!/usr/bin/env bash
# bench/fetch-corpus.sh DIR [--mirrors MIRRORDIR]: lays out every ladder named in bench/corpus.tsv
# and bench/corpus-orgs.tsv as `npm run corpus -- DIR` reads them:
#   DIR/<owner>__<name>@<first 7 of commit>/<path in the repository>
# each file's bytes as at that commit. Repositories come from local bare mirrors named
# MIRRORDIR/<owner>+<name> when given, otherwise from a clone of GitHub (kept in DIR/.clones).
set -euo pipefail

usage() {
  echo "usage: bench/fetch-corpus.sh DIR [--mirrors MIRRORDIR]" >&2
  exit 2
}
[[ $# -ge 1 ]] || usage
dir=$1
shift
mirrors=
while [[ $# -gt 0 ]]; do
  case $1 in
    --mirrors) [[ $# -ge 2 ]] || usage; mirrors=$2; shift 2 ;;
    *) usage ;;
  esac
done
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$dir"

# A mirror's git directory: the folder itself, or the repo/ (or repo/.git) inside it.
mirror_git_dir() {
  local candidate
  for candidate in "$1" "$1/repo" "$1/repo/.git"; do
    [[ -f "$candidate/HEAD" && -d "$candidate/objects" ]] && { echo "$candidate"; return 0; }
  done
  return 1
}

# The git directory that holds `commit` of `repo`, cloning or fetching from GitHub when needed.
git_dir_for() {
  local repo=$1 commit=$2 git
  if [[ -n "$mirrors" ]]; then
    git=$(mirror_git_dir "$mirrors/${repo/\//+}") || { echo "no mirror of $repo in $mirrors" >&2; return 1; }
  else
    git="$dir/.clones/${repo/\//+}.git"
    [[ -d "$git" ]] || git clone --quiet --bare --filter=blob:none "https://github.com/$repo.git" "$git" >&2
    git --git-dir="$git" cat-file -e "$commit^{commit}" 2>/dev/null ||
      git --git-dir="$git" fetch --quiet origin "$commit" >&2
  fi
  echo "$git"
}

# Writes `path` (a file, or a folder and everything in it) of `commit` under `into`.
extract() {
  local git=$1 commit=$2 path=$3 into=$4 inside=$3 prefix=$3/
  [[ "$path" != . ]] || { inside= prefix=; } # `.` is the repository's root: its tree is `COMMIT:`
  if [[ "$(git --git-dir="$git" cat-file -t "$commit:$inside")" == tree ]]; then
    # The folder's own tree, so that files elsewhere in the repository are never read.
    git --git-dir="$git" archive --format=tar --prefix="$prefix" "$commit:$inside" | tar -xf - -C "$into"
  else
    mkdir -p "$(dirname "$into/$path")"
    git --git-dir="$git" show "$commit:$path" >"$into/$path"
  fi
}

failed=0
# repo, commit and path (or folder) of every row of both lists, header rows left out, and the
# files a document is read with (`beside`: a table of levels next to a CSV), comma-separated.
while IFS=$'\t' read -r repo commit path beside; do
  [[ -n "$repo" ]] || continue
  into="$dir/${repo/\//__}@${commit:0:7}"
  fetched=1
  if git=$(git_dir_for "$repo" "$commit") && mkdir -p "$into" && extract "$git" "$commit" "$path" "$into"; then
    IFS=',' read -r -a extras <<<"$beside"
    for extra in "${extras[@]}"; do
      [[ -z "$extra" ]] || extract "$git" "$commit" "$extra" "$into" || fetched=0
    done
  else
    fetched=0
  fi
  if [[ $fetched -eq 1 ]]; then
    echo "fetched $repo $path"
  else
    echo "NOT fetched: $repo $path at $commit" >&2
    failed=$((failed + 1))
  fi
done < <(
  [[ ! -f "$here/corpus.tsv" ]] || tail -n +2 "$here/corpus.tsv" | cut -f 1-3,9 | awk -F'\t' '{ print $1 "\t" $3 "\t" $2 "\t" $4 }'
  [[ ! -f "$here/corpus-orgs.tsv" ]] || tail -n +2 "$here/corpus-orgs.tsv" | cut -f 1,2,3
)
[[ $failed -eq 0 ]] || { echo "$failed rows not fetched" >&2; exit 1; }
