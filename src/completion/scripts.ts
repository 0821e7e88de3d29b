/**
 * Shell glue for completion. Each script hands the words typed so far to `ladder __complete`, which
 * answers with `words` or `files` on its first line and the candidates on the lines after it.
 */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

const bash = `# ladder completion for bash. Install: echo 'source <(ladder completion bash)' >> ~/.bashrc
# Candidates are read line by line with mapfile, never word-split or glob-expanded: a name such as
# \`/*/*/*\` is offered as it is.
# bash splits \`sre:L5\` at the colon; the pieces are joined again for ladder, and the candidates
# given back without the part before the word bash is completing.
_ladder_complete() {
  local cur=\${COMP_WORDS[COMP_CWORD]}
  local -a out args=()
  local i piece
  for ((i = 1; i <= COMP_CWORD; i++)); do
    piece=\${COMP_WORDS[i]}
    if ((\${#args[@]})) && [[ $piece == : || \${args[-1]} == *: ]]; then args[-1]+=$piece; else args+=("$piece"); fi
  done
  local before=\${args[-1]%"$cur"}
  mapfile -t out < <(ladder __complete -- "\${args[@]}" 2>/dev/null)
  COMPREPLY=()
  if [[ \${out[0]} == files ]]; then
    compopt -o filenames 2>/dev/null
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
    return 0
  fi
  # A word the user began with a quote is completed inside that quote, escaped as that quote
  # needs (a \`$(…)\` in a title must stay text); any other is escaped with printf %q.
  local quote=\${cur:0:1} word
  for word in "\${out[@]:1}"; do
    word=\${word#"$before"}
    if [[ $quote == \\" ]]; then
      word=\${word//\\\\/\\\\\\\\}; word=\${word//\\$/\\\\\\$}; word=\${word//\\\`/\\\\\\\`}; word=\${word//\\"/\\\\\\"}; word=\${word//!/\\"\\'!\\'\\"}
      COMPREPLY+=("\\"$word\\"")
    elif [[ $quote == \\' ]]; then
      COMPREPLY+=("'\${word//\\'/\\'\\\\\\'\\'}'")
    else
      COMPREPLY+=("$(printf '%q' "$word")")
    fi
  done
}
complete -F _ladder_complete ladder
`;

const zsh = `#compdef ladder
# ladder completion for zsh. Install: echo 'source <(ladder completion zsh)' >> ~/.zshrc (after compinit)
_ladder() {
  local -a out
  out=("\${(@f)$(ladder __complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  if [[ \${out[1]} == files ]]; then
    _files
    return
  fi
  compadd -- "\${(@)out[2,-1]}"
}
if (( $+functions[compdef] )); then
  compdef _ladder ladder
fi
`;

const fish = `# ladder completion for fish. Install: ladder completion fish > ~/.config/fish/completions/ladder.fish
function __ladder_complete
    set -l words (commandline -opc) (commandline -ct)
    set -e words[1]
    set -l out (ladder __complete -- $words 2>/dev/null)
    if test "$out[1]" = files
        __fish_complete_path (commandline -ct)
    else
        printf '%s\\n' $out[2..-1]
    end
end
complete -c ladder -f -a '(__ladder_complete)'
`;

export const COMPLETION_SCRIPTS: Record<Shell, string> = { bash, zsh, fish };
