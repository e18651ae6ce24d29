#!/bin/sh
# build.sh - builds the Acme technology roadmap through the roadmap CLI.
#
# Read it as a tutorial: it is what a CTO types to draft two years of
# technology work (2026-Q1 to 2027-Q4), top-down: the business goals first,
# then the teams that will do the work, then the initiatives that serve the
# goals, then the money.
#
# Usage: examples/acme/build.sh [OUTPUT]   (default: ./roadmap.json)
# ROADMAP names the binary to use (default: roadmap on the PATH).
set -eu
roadmap=${ROADMAP:-roadmap}
out=${1:-roadmap.json}
rm -f "$out"
r() { "$roadmap" -f "$out" "$@"; }

# 1. The file. A calendar fiscal year (the default); amounts in US dollars.
#    The four default pillars are strategy, team, operations and innovation.
r init --name "Acme technology roadmap 2026-2027" --currency USD

# 2. Business goals: what the board cares about, each with a metric, a
#    baseline, a target and a deadline. Periods work as deadlines: a due
#    date of 2027-Q2 means the last day of that quarter.
r add goal retention --title "Raise customer retention" \
  --metric "12-month retention" --baseline 70 --target 84 --unit % \
  --due 2027-Q2 --owner "CEO" --priority 1
r add goal revenue --title "Grow online revenue" \
  --metric "online revenue" --baseline 40 --target 65 --unit "USD M" \
  --due 2027-Q4 --owner "CRO" --priority 1
r add goal reliability --title "Four nines for checkout" \
  --metric "checkout availability" --baseline 99.5 --target 99.99 --unit % \
  --due 2026-Q4 --owner "COO" --priority 2
r add goal compliance --title "Pass SOC 2 Type II" \
  --metric "open audit findings" --baseline 23 --target 0 \
  --due 2026-Q3 --owner "CISO" --priority 1
r add goal velocity --title "Ship faster" \
  --metric "lead time for changes" --baseline 12 --target 2 --unit days \
  --due 2027-Q2 --owner "CTO" --priority 2
r add goal cost --title "Cut cloud cost per order" \
  --metric "cloud cost per order" --baseline 0.42 --target 0.30 --unit USD \
  --due 2027-Q4 --owner "CFO" --priority 3
r add goal talent --title "Hire and keep great engineers" \
  --metric "regretted attrition" --baseline 14 --target 8 --unit % \
  --due 2027-Q4 --owner "VP Engineering" --priority 3

# 3. Teams and their capacity in full-time equivalents (FTE). The check
#    warns when a team's initiatives need more people than it has.
r add team platform --capacity 14
r add team data --capacity 8
r add team product --capacity 14
r add team security --capacity 5

# 4. Initiatives: funded work with dates, cost (opex and capex), people,
#    the goals each serves and the initiatives it must wait for.
#    Amounts take k, M and B: 180k is 180,000.00.
#    --start takes a period's first day, --end its last.

# operations: keep the lights on, harden, comply
r add initiative soc2-controls --title "SOC 2 control automation" \
  --pillar operations --goal compliance --team security --owner "Priya Shah" \
  --start 2026-Q1 --end 2026-Q2 --opex 220k --capex 60k --fte 3 \
  --status active --priority 1
r add initiative soc2-audit --title "SOC 2 Type II audit window" \
  --pillar operations --goal compliance --team security --owner "Priya Shah" \
  --start 2026-Q3 --end 2026-Q3 --opex 140k --fte 1 \
  --depends-on soc2-controls --status approved --priority 1
r add initiative multi-region --title "Multi-region checkout failover" \
  --pillar operations --goal reliability --team platform --owner "Marco Rossi" \
  --start 2026-Q1 --end 2026-Q3 --opex 300k --capex 900k --fte 5 \
  --status active --priority 1 --benefit 2M
r add initiative observability --title "Unified observability stack" \
  --pillar operations --goal reliability,velocity --team platform \
  --owner "Marco Rossi" --start 2026-Q1 --end 2026-Q2 --opex 180k --capex 120k \
  --fte 3 --status active
r add initiative db-upgrade --title "Postgres 16 upgrade" \
  --pillar operations --goal reliability --team platform --owner "Marco Rossi" \
  --start 2026-Q3 --end 2026-Q4 --opex 90k --fte 2 --status approved
r add initiative finops --title "FinOps: rightsizing and reserved capacity" \
  --pillar operations --goal cost --team platform --owner "Lena Vogel" \
  --start 2026-Q2 --end 2026-Q4 --opex 150k --fte 2 --status approved \
  --benefit 1.4M
r add initiative k8s-consolidation --title "Kubernetes cluster consolidation" \
  --pillar operations --goal cost --team platform --owner "Lena Vogel" \
  --start 2027-Q1 --end 2027-Q2 --opex 160k --capex 80k --fte 3 \
  --depends-on finops --priority 3
r add initiative zero-trust --title "Zero-trust network access" \
  --pillar operations --goal compliance,reliability --team security \
  --owner "Priya Shah" --start 2026-Q4 --end 2027-Q2 --opex 210k --capex 150k \
  --fte 2 --depends-on soc2-audit
r add initiative backup-dr --title "Backup and disaster-recovery drills" \
  --pillar operations --goal reliability --team platform --owner "Marco Rossi" \
  --start 2027-Q1 --end 2027-Q3 --opex 120k --fte 1 --depends-on multi-region
r add initiative data-retention --title "Data retention and deletion policy" \
  --pillar operations --goal compliance --team data --owner "Priya Shah" \
  --start 2027-Q3 --end 2027-Q4 --opex 70k --fte 1

# innovation: research, proofs of concept, then implementation
r add initiative event-pipeline --title "Real-time event pipeline" \
  --pillar innovation --stage implementation --goal retention,revenue \
  --team data --owner "Dana Kim" --start 2026-Q1 --end 2026-Q2 \
  --opex 260k --capex 140k --fte 3 --status active --priority 1
r add initiative recs-engine --title "AI recommendation engine" \
  --pillar innovation --stage poc --goal retention,revenue --team data \
  --owner "Dana Kim" --start 2026-Q3 --end 2026-Q4 --opex 180k --capex 250k \
  --fte 4 --depends-on event-pipeline --status approved --priority 2 \
  --benefit 1.2M
r add initiative genai-support --title "GenAI support assistant" \
  --pillar innovation --stage poc --goal retention,cost --team data \
  --owner "Dana Kim" --start 2026-Q3 --end 2027-Q1 --opex 240k --capex 60k \
  --fte 2 --status approved --benefit 900k
r add initiative search-relevance --title "Semantic search relevance" \
  --pillar innovation --stage research --goal revenue --team data \
  --owner "Dana Kim" --start 2027-Q1 --end 2027-Q2 --opex 150k --fte 2 \
  --depends-on recs-engine
r add initiative fraud-ml --title "ML fraud screening at checkout" \
  --pillar innovation --stage research --goal revenue,cost --team data \
  --owner "Dana Kim" --start 2027-Q2 --end 2027-Q4 --opex 200k --capex 50k \
  --fte 2
r add initiative edge-compute --title "Edge compute proof of concept" \
  --pillar innovation --stage research --goal reliability --team platform \
  --owner "Lena Vogel" --start 2027-Q3 --end 2027-Q4 --opex 90k --fte 1 \
  --priority 4

# strategy: business-facing technology
r add initiative checkout-v2 --title "Checkout rebuild (one-page, wallets)" \
  --pillar strategy --goal revenue,retention --team product --owner "Sam Ortiz" \
  --start 2026-Q2 --end 2026-Q4 --opex 650k --capex 400k --fte 8 \
  --depends-on multi-region --status approved --priority 1 --benefit 6M
r add initiative loyalty --title "Loyalty programme platform" \
  --pillar strategy --goal retention --team product --owner "Sam Ortiz" \
  --start 2027-Q1 --end 2027-Q2 --opex 380k --capex 220k --fte 5 \
  --depends-on checkout-v2 --priority 2 --benefit 3M
r add initiative mobile-app --title "Native mobile app" \
  --pillar strategy --goal revenue,retention --team product --owner "Sam Ortiz" \
  --start 2026-Q3 --end 2027-Q2 --opex 900k --capex 350k --fte 7 \
  --status approved --priority 2 --benefit 5M
r add initiative b2b-portal --title "B2B ordering portal" \
  --pillar strategy --goal revenue --team product --owner "Ana Costa" \
  --start 2027-Q2 --end 2027-Q4 --opex 420k --capex 180k --fte 5 --priority 3
r add initiative pricing-engine --title "Dynamic pricing engine" \
  --pillar strategy --goal revenue --team data --owner "Ana Costa" \
  --start 2027-Q1 --end 2027-Q3 --opex 310k --capex 90k --fte 3 \
  --depends-on event-pipeline
r add initiative partner-api --title "Partner API and developer portal" \
  --pillar strategy --goal revenue --team platform --owner "Ana Costa" \
  --start 2026-Q4 --end 2027-Q1 --opex 240k --fte 3 --priority 3 \
  --depends-on event-pipeline

# Links can be added after the fact: fraud screening waits for the new
# checkout, which was added after it.
r depend fraud-ml checkout-v2

# team: hiring, culture and developer tooling
r add initiative ci-speedup --title "CI pipeline speed-up" \
  --pillar team --goal velocity --team platform --owner "Lena Vogel" \
  --start 2026-Q1 --end 2026-Q1 --opex 80k --fte 2 --status done
r add initiative dev-portal --title "Internal developer portal" \
  --pillar team --goal velocity --team platform --owner "Lena Vogel" \
  --start 2026-Q2 --end 2026-Q3 --opex 140k --fte 2 --depends-on ci-speedup \
  --status approved
r add initiative hiring-data --title "Hire a data platform squad" \
  --pillar team --goal talent --owner "VP Engineering" \
  --start 2026-Q2 --end 2026-Q4 --opex 260k --status approved
r add initiative eng-ladder --title "Engineering career ladder" \
  --pillar team --goal talent --owner "VP Engineering" \
  --start 2026-Q3 --end 2026-Q3 --opex 40k
r add initiative platform-oncall --title "On-call rotation and tooling" \
  --pillar team --goal velocity,reliability --team platform \
  --owner "Marco Rossi" --start 2027-Q1 --end 2027-Q1 --opex 60k --fte 1

# Retired work stays in the file for the record, but cancelled initiatives
# count for nothing: no spend, no alignment, no capacity.
r add initiative legacy-crm --title "Legacy CRM lift-and-shift" \
  --pillar operations --team platform --owner "Marco Rossi" \
  --start 2026-Q2 --end 2026-Q4 --opex 300k --status cancelled

# 5. Budget envelopes: one per fiscal quarter, plus a yearly envelope that
#    caps innovation spend. `check` compares planned spend with them: as
#    drafted, 2026-Q3 is over budget, the product team is overbooked while
#    the checkout rebuild and the mobile app overlap, and four people own
#    more open initiatives than the policy allows. Run `roadmap check`.
r add budget 2026-Q1 1.2M
r add budget 2026-Q2 1.5M
r add budget 2026-Q3 1.6M
r add budget 2026-Q4 1.5M
r add budget 2027-Q1 1.4M
r add budget 2027-Q2 1.4M
r add budget 2027-Q3 900k
r add budget 2027-Q4 800k
r add budget FY2026 1.2M --pillar innovation

# 6. The investment mix the board agreed, for `check` to compare against,
#    is policy: `roadmap config policy.target_mix.PILLAR PERCENT` sets it
#    (this example leaves it unset).

# 7. Actuals: what finance booked per quarter, for budget vs plan vs actual.
r actual soc2-controls 2026-Q1 131k
r actual multi-region 2026-Q1 420k
r actual observability 2026-Q1 148k
r actual event-pipeline 2026-Q1 205k
r actual ci-speedup 2026-Q1 97k

# 8. What each initiative is worth: its benefit, the value it should deliver
#    (in dollars), so that `roadmap optimize` can choose what to fund when
#    the board cuts the budget. Compliance and reliability work is valued
#    by the revenue it protects.
r set soc2-controls benefit=1.5M
r set soc2-audit benefit=2.5M
r set observability benefit=800k
r set db-upgrade benefit=300k
r set k8s-consolidation benefit=700k
r set zero-trust benefit=1.1M
r set backup-dr benefit=600k
r set data-retention benefit=400k
r set event-pipeline benefit=1.8M
r set search-relevance benefit=900k
r set fraud-ml benefit=1.6M
r set edge-compute benefit=150k
r set b2b-portal benefit=2.2M
r set pricing-engine benefit=1.9M
r set partner-api benefit=1.3M
r set ci-speedup benefit=300k
r set dev-portal benefit=450k
r set hiring-data benefit=1M
r set eng-ladder benefit=200k
r set platform-oncall benefit=350k

# 9. Three-point estimates for the work whose end is least certain: the
#    earliest and latest it could end (the planned end is the most likely),
#    for `roadmap forecast` to say which dates can be promised.
r set multi-region optimistic=2026-08-31 pessimistic=2026-12-31
r set checkout-v2 optimistic=2026-11-30 pessimistic=2027-04-30
r set recs-engine optimistic=2026-11-30 pessimistic=2027-03-31
r set mobile-app optimistic=2027-05-31 pessimistic=2027-12-31
r set zero-trust pessimistic=2027-09-30
r set loyalty optimistic=2027-05-31 pessimistic=2027-10-31
r set pricing-engine optimistic=2027-08-31 pessimistic=2027-12-31

# 10. The first quarterly review, as of the end of 2026-Q1: how far each
#     started initiative has come (percent complete) and what the goals'
#     metrics read. `roadmap status --as-of 2026-Q1` turns them into earned
#     value and goal states; `roadmap check --as-of 2026-Q1` flags what is
#     late, at risk or heading over its cost.
r progress soc2-controls 55 --on 2026-Q1
r progress multi-region 25 --on 2026-Q1
r progress observability 50 --on 2026-Q1
r progress event-pipeline 40 --on 2026-Q1
r progress ci-speedup 100 --on 2026-03-27
r measure retention 70.5 --on 2026-Q1
r measure revenue 43 --on 2026-Q1
r measure reliability 99.7 --on 2026-Q1
r measure compliance 14 --on 2026-Q1
r measure velocity 9 --on 2026-Q1
r measure cost 0.41 --on 2026-Q1
r measure talent 13.5 --on 2026-Q1
