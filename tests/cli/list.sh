#!/bin/bash
# list.sh - list and show, pinned on tests/data/good/small.json.
. "$(dirname "$0")/lib.sh"
cp "$DATA/good/small.json" roadmap.json

t 'list initiatives as a table' 0 'ID              TITLE              PILLAR      STATUS     END          TOTAL USD
event-pipeline  Event pipeline     operations  active     2026-03-31  100,000.00
recs-engine     AI recommendatio…  innovation  approved   2026-09-30  430,000.01
old-crm         =HYPERLINK("http…  strategy    cancelled  2026-05-31   50,000.00' '' -- R list
t 'list goals' 0 'ID         TITLE                     METRIC      DUE         OWNER  PRI
retention  Raise customer retention  70 -> 84 %  2027-06-30  CEO      1
costs      Cut cloud costs           -           -           CFO      -' '' -- R list goals
t 'list budgets' 0 'PERIOD   PILLAR        AMOUNT USD
2026-Q2  (all)       1,500,000.00
FY2026   innovation    900,000.00' '' -- R list budgets
t 'list teams' 0 'ID        CAPACITY FTE
platform            12
data               4.5' '' -- R list teams
t 'list csv: quoting and the formula guard' 0 'id,title,pillar,stage,status,owner,team,start,end,opex,capex,total,fte,priority,benefit,goals,depends_on
event-pipeline,Event pipeline,operations,,active,Dana Kim,data,2026-01-01,2026-03-31,100000.00,0.00,100000.00,2,3,,retention,
recs-engine,"AI recommendation engine, ""v2""",innovation,poc,approved,Dana Kim,platform,2026-04-01,2026-09-30,180000.00,250000.01,430000.01,4,2,1200000.00,retention;costs,event-pipeline
old-crm,"'\''=HYPERLINK(""http://x"")",strategy,,cancelled,Lee,,2026-02-01,2026-05-31,50000.00,0.00,50000.00,0,3,,,' '' -- R list --format csv
t 'list filter by status list' 0 'id,title,pillar,stage,status,owner,team,start,end,opex,capex,total,fte,priority,benefit,goals,depends_on
event-pipeline,Event pipeline,operations,,active,Dana Kim,data,2026-01-01,2026-03-31,100000.00,0.00,100000.00,2,3,,retention,
recs-engine,"AI recommendation engine, ""v2""",innovation,poc,approved,Dana Kim,platform,2026-04-01,2026-09-30,180000.00,250000.01,430000.01,4,2,1200000.00,retention;costs,event-pipeline' '' -- R list --status active,approved --format csv
t 'list filter by goal' 0 'id,title,pillar,stage,status,owner,team,start,end,opex,capex,total,fte,priority,benefit,goals,depends_on
recs-engine,"AI recommendation engine, ""v2""",innovation,poc,approved,Dana Kim,platform,2026-04-01,2026-09-30,180000.00,250000.01,430000.01,4,2,1200000.00,retention;costs,event-pipeline' '' -- R list --goal costs --format csv
t 'list filter by owner' 0 'ID       TITLE                   PILLAR    STATUS     END         TOTAL USD
old-crm  =HYPERLINK("http://x")  strategy  cancelled  2026-05-31  50,000.00' '' -- R list --owner Lee
t 'list filter by team' 0 'ID              TITLE           PILLAR      STATUS  END          TOTAL USD
event-pipeline  Event pipeline  operations  active  2026-03-31  100,000.00' '' -- R list --team data
t 'list budgets of a pillar' 0 'PERIOD  PILLAR      AMOUNT USD
FY2026  innovation  900,000.00' '' -- R list budgets --pillar innovation
t 'list initiatives as json' 0 '[
  {
    "id": "event-pipeline",
    "title": "Event pipeline",
    "goals": ["retention"],
    "pillar": "operations",
    "stage": null,
    "status": "active",
    "owner": "Dana Kim",
    "team": "data",
    "start": "2026-01-01",
    "end": "2026-03-31",
    "opex": 100000,
    "capex": 0,
    "fte": 2,
    "depends_on": [],
    "priority": 3,
    "benefit": null,
    "actuals": {}
  },
  {
    "id": "recs-engine",
    "title": "AI recommendation engine, \"v2\"",
    "goals": ["retention", "costs"],
    "pillar": "innovation",
    "stage": "poc",
    "status": "approved",
    "owner": "Dana Kim",
    "team": "platform",
    "start": "2026-04-01",
    "end": "2026-09-30",
    "opex": 180000,
    "capex": 250000.01,
    "fte": 4,
    "depends_on": ["event-pipeline"],
    "priority": 2,
    "benefit": 1200000,
    "actuals": {
      "2026-Q2": 95000
    }
  },
  {
    "id": "old-crm",
    "title": "=HYPERLINK(\"http://x\")",
    "goals": [],
    "pillar": "strategy",
    "stage": null,
    "status": "cancelled",
    "owner": "Lee",
    "team": null,
    "start": "2026-02-01",
    "end": "2026-05-31",
    "opex": 50000,
    "capex": 0,
    "fte": 0,
    "depends_on": [],
    "priority": 3,
    "benefit": null,
    "actuals": {}
  }
]' '' -- R list --format json
t 'list goals as json' 0 '[
  {
    "id": "retention",
    "title": "Raise customer retention",
    "metric": "12-month retention",
    "baseline": 70,
    "target": 84,
    "unit": "%",
    "due": "2027-06-30",
    "owner": "CEO",
    "priority": 1
  },
  {
    "id": "costs",
    "title": "Cut cloud costs",
    "metric": null,
    "baseline": null,
    "target": null,
    "unit": null,
    "due": null,
    "owner": "CFO",
    "priority": null
  }
]' '' -- R list goals --format json
t 'list budgets as json' 0 '[
  {
    "period": "2026-Q2",
    "pillar": null,
    "amount": 1500000
  },
  {
    "period": "FY2026",
    "pillar": "innovation",
    "amount": 900000
  }
]' '' -- R list budgets --format json
t 'list teams as json' 0 '[
  {
    "id": "platform",
    "capacity": 12
  },
  {
    "id": "data",
    "capacity": 4.5
  }
]' '' -- R list teams --format json
t 'show an initiative' 0 'initiative recs-engine: AI recommendation engine, "v2"
  status      approved
  pillar      innovation (stage poc)
  owner       Dana Kim
  team        platform (4 FTE)
  dates       2026-04-01 .. 2026-09-30 (183 days)
  goals       retention, costs
  depends on  event-pipeline
  priority    2
  opex        USD 180,000.00
  capex       USD 250,000.01
  total       USD 430,000.01
  benefit     USD 1,200,000.00
  spend by quarter (USD):
    QUARTER              OPEX            CAPEX            TOTAL           ACTUAL
    2026-Q2         89,508.20       124,316.94       213,825.14        95,000.00
    2026-Q3         90,491.80       125,683.07       216,174.87                -' '' -- R show recs-engine
t 'show an initiative as json' 0 '{
  "id": "recs-engine",
  "title": "AI recommendation engine, \"v2\"",
  "goals": ["retention", "costs"],
  "pillar": "innovation",
  "stage": "poc",
  "status": "approved",
  "owner": "Dana Kim",
  "team": "platform",
  "start": "2026-04-01",
  "end": "2026-09-30",
  "opex": 180000,
  "capex": 250000.01,
  "fte": 4,
  "depends_on": ["event-pipeline"],
  "priority": 2,
  "benefit": 1200000,
  "actuals": {
    "2026-Q2": 95000
  },
  "kind": "initiative",
  "total": 430000.01,
  "spend": [
    {
      "period": "2026-Q2",
      "opex": 89508.2,
      "capex": 124316.94,
      "total": 213825.14
    },
    {
      "period": "2026-Q3",
      "opex": 90491.8,
      "capex": 125683.07,
      "total": 216174.87
    }
  ]
}' '' -- R show recs-engine --format json
t 'show a goal' 0 'goal retention: Raise customer retention
  metric      12-month retention: 70 -> 84 %
  due         2027-06-30
  owner       CEO
  priority    1
  initiatives serving it:
    event-pipeline       active     USD 100,000.00
    recs-engine          approved   USD 215,000.01
  planned     USD 315,000.01' '' -- R show retention
t 'show a goal as json' 0 '{
  "id": "costs",
  "title": "Cut cloud costs",
  "metric": null,
  "baseline": null,
  "target": null,
  "unit": null,
  "due": null,
  "owner": "CFO",
  "priority": null,
  "kind": "goal",
  "initiatives": ["recs-engine"],
  "planned": 215000
}' '' -- R show costs --format json
t 'show a team' 0 'team data
  capacity    4.5 FTE
  initiatives:
    event-pipeline       active' '' -- R show data

t 'list an empty selection prints the header' 0 'ID  TITLE  PILLAR  STATUS  END  TOTAL USD' '' -- R list --status done
t 'list: unknown kind' 64 '' "roadmap: list: cannot list 'projects' (goals, initiatives, budgets or teams)
usage: roadmap list [goals|initiatives|budgets|teams] [--format table|csv|json] [filters]
(see 'roadmap help list')" -- R list projects
t 'list: unknown format' 64 '' "roadmap: list: unknown format 'xml' (table, csv or json)
usage: roadmap list [goals|initiatives|budgets|teams] [--format table|csv|json] [filters]
(see 'roadmap help list')" -- R list --format xml
t 'list: unknown status' 64 '' "roadmap: list: unknown status 'started' (proposed, approved, active, done, cancelled)
usage: roadmap list [goals|initiatives|budgets|teams] [--format table|csv|json] [filters]
(see 'roadmap help list')" -- R list --status started
t 'list: a filter that does not apply' 64 '' "roadmap: list: --status does not apply to teams
usage: roadmap list [goals|initiatives|budgets|teams] [--format table|csv|json] [filters]
(see 'roadmap help list')" -- R list teams --status active
t 'show: missing item' 65 '' 'roadmap: no goal, initiative or team "ghost"' -- R show ghost
t 'show: json of a missing item' 65 '' 'roadmap: no goal, initiative or team "ghost"' -- R show ghost --format json
t 'unknown command suggests' 64 '' "roadmap: unknown command 'lst' (did you mean 'list'?)" -- R lst
t 'no command' 64 '' "$(R help)" -- R
t '--version' 0 'roadmap 0.1.0' '' -- R --version
t 'help COMMAND equals COMMAND --help' 0 "$(R help set)" '' -- R set --help
t 'help of an unknown command' 64 '' "roadmap: no command 'lsit' (did you mean 'list'?)" -- R help lsit
ok_if 'help lists every command' bash -c "$ROADMAP help | grep -c '^  [a-z]' | grep -qx 12"
ok_if 'a reader sees stdin with -f -' bash -c "$ROADMAP -f - list goals --format csv < roadmap.json | grep -q '^costs,'"
ok_if 'listing does not change the file' cmp -s roadmap.json "$DATA/good/small.json"
finish
