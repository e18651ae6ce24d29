# bash completion for roadmap(1): commands, their options, the ids of the
# goals, initiatives and teams in the current roadmap, its envelopes
# (PERIOD[/PILLAR]) for set and rm, and the keys of config.

_roadmap_file() {
  local i
  for ((i = 1; i < ${#COMP_WORDS[@]} - 1; i++)); do
    case ${COMP_WORDS[i]} in
      -f | --file) echo "${COMP_WORDS[i + 1]}"; return ;;
      --file=*) echo "${COMP_WORDS[i]#--file=}"; return ;;
    esac
  done
  echo "${ROADMAP_FILE:-roadmap.json}"
}

_roadmap_ids() {
  local file kind
  file=$(_roadmap_file)
  [ -r "$file" ] || return
  for kind in initiatives goals teams; do
    roadmap -f "$file" list "$kind" --format csv 2>/dev/null | tail -n +2 | cut -d, -f1
  done
}

_roadmap_initiatives() {
  local file
  file=$(_roadmap_file)
  [ -r "$file" ] || return
  roadmap -f "$file" list initiatives --format csv 2>/dev/null | tail -n +2 | cut -d, -f1
}

# Envelope keys: "2026-Q3", "FY2027/innovation".
_roadmap_envelopes() {
  local file
  file=$(_roadmap_file)
  [ -r "$file" ] || return
  roadmap -f "$file" list budgets --format csv 2>/dev/null | tail -n +2 |
    awk -F, '{ print ($2 == "" ? $1 : $1 "/" $2) }'
}

_roadmap_scenarios() {
  local file
  file=$(_roadmap_file)
  [ -r "$file" ] || return
  roadmap -f "$file" scenario list --format csv 2>/dev/null | tail -n +2 | cut -d, -f1
}

_roadmap_config_keys() {
  local file
  file=$(_roadmap_file)
  [ -r "$file" ] || return
  roadmap -f "$file" config 2>/dev/null | cut -d= -f1
  roadmap -f "$file" config pillars 2>/dev/null | tr , '\n' | sed 's/^/policy.target_mix./'
}

_roadmap() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
  local cmd="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      -f | --file | --scenario) ((i++)) ;;
      -*) ;;
      *) cmd=${COMP_WORDS[i]}; break ;;
    esac
  done
  case $prev in
    -f | --file | -o | --output | --baseline)
      COMPREPLY=($(compgen -f -- "$cur"))
      return ;;
    --format)
      COMPREPLY=($(compgen -W "table text csv json xlsx md html ics sarif junit github" -- "$cur"))
      return ;;
    --objective)
      COMPREPLY=($(compgen -W "benefit priority" -- "$cur"))
      return ;;
    --keep)
      # a comma list of statuses and initiative ids: complete its last word
      local head="" word=$cur
      if [[ $cur == *,* ]]; then head=${cur%,*},; word=${cur##*,}; fi
      COMPREPLY=($(compgen -P "$head" -W "proposed approved active done none $(_roadmap_initiatives)" -- "$word"))
      return ;;
    --status)
      COMPREPLY=($(compgen -W "proposed approved active done cancelled deferred" -- "$cur"))
      return ;;
    --stage)
      COMPREPLY=($(compgen -W "research poc implementation" -- "$cur"))
      return ;;
    --by)
      if [ "$cmd" = capitalization ]; then
        COMPREPLY=($(compgen -W "quarter year initiative" -- "$cur"))
      else
        COMPREPLY=($(compgen -W "quarter year pillar goal team month" -- "$cur"))
      fi
      return ;;
    --basis)
      COMPREPLY=($(compgen -W "plan actual" -- "$cur"))
      return ;;
    --table)
      COMPREPLY=($(compgen -W "initiatives goals teams budgets actuals budget findings schedule progress measurements" -- "$cur"))
      return ;;
    --from)
      # scenario new --from NAME; capacity --from DATE takes a date
      [ "$cmd" = capacity ] && return
      COMPREPLY=($(compgen -W "$(_roadmap_scenarios)" -- "$cur"))
      return ;;
    --scenario)
      COMPREPLY=($(compgen -W "$(_roadmap_scenarios)" -- "$cur"))
      return ;;
    --kind)
      COMPREPLY=($(compgen -W "opex capex" -- "$cur"))
      return ;;
    --goal | --depends-on | --team)
      COMPREPLY=($(compgen -W "$(_roadmap_ids)" -- "$cur"))
      return ;;
  esac
  if [ -z "$cmd" ]; then
    if [[ $cur == -* ]]; then
      COMPREPLY=($(compgen -W "-f --file --scenario --help --version" -- "$cur"))
    else
      COMPREPLY=($(compgen -W "$(roadmap help 2>/dev/null | sed -n 's/^  \([a-z]*\) .*/\1/p')" -- "$cur"))
    fi
    return
  fi
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$(roadmap help "$cmd" 2>/dev/null | grep -o -- '--[a-z-]*' | sort -u) --scenario" -- "$cur"))
    return
  fi
  case $cmd in
    add) [ "$prev" = add ] && COMPREPLY=($(compgen -W "goal initiative budget team" -- "$cur")) ;;
    list) COMPREPLY=($(compgen -W "goals initiatives budgets teams" -- "$cur")) ;;
    scenario)
      if [ "$prev" = scenario ]; then
        COMPREPLY=($(compgen -W "new list rm diff export apply compare" -- "$cur"))
      else
        COMPREPLY=($(compgen -W "$(_roadmap_scenarios)" -- "$cur"))
      fi ;;
    help) COMPREPLY=($(compgen -W "$(roadmap help 2>/dev/null | sed -n 's/^  \([a-z]*\) .*/\1/p')" -- "$cur")) ;;
    import | diff | merge) COMPREPLY=($(compgen -f -- "$cur")) ;;
    set | rm)
      COMPREPLY=($(compgen -W "$(_roadmap_ids) $(_roadmap_envelopes)" -- "$cur")) ;;
    config)
      [ "$prev" = config ] || [ "$prev" = --unset ] &&
        COMPREPLY=($(compgen -W "$(_roadmap_config_keys | sort -u)" -- "$cur")) ;;
    show | link | unlink | depend | undepend | actual | progress | measure | capacity)
      COMPREPLY=($(compgen -W "$(_roadmap_ids)" -- "$cur")) ;;
  esac
}
complete -F _roadmap roadmap
