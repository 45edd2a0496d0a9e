/**
 * The word lists the blame detector reads sentences with. They are lists rather than a dictionary because the
 * detector runs in the browser on every message: a few hundred words cover what incident writing uses, and a
 * word that is on no list is treated as an ordinary noun, so a gap in a list costs a missed flag, never a throw.
 */

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

/** Words that start a noun phrase. */
export const DETERMINERS = set(`
  the a an this that these those our my your his her their its some any every each all both whole same another
  no several many few most other
`);

/** People by what they do, as the head of a noun phrase: "the intern", "the on-call engineer", "the DB team". */
export const ROLES = set(`
  intern interns engineer engineers developer developers dev devs programmer programmers coder coders on-call oncall
  on-caller on-callers dba dbas sre sres contractor contractors consultant consultants manager managers lead leads
  commander commanders reviewer reviewers approver approvers author authors admin admins administrator
  administrators operator operators ops devops qa tester testers team teams folks guys guy gal staff employee employees
  colleague colleagues coworker coworkers co-worker co-workers vendor vendors leadership management execs exec
  executive executives responder responders hire hires junior juniors newbie newbies rookie rookies architect
  architects boss director directors analyst analysts security support sales marketing person people persons
  human humans individual individuals genius expert experts squad crew department
`);

/** Roles written as acronyms, which count only in capitals: "IT" is a department, "it" is not. */
export const ACRONYM_ROLES = set('it pm pms em ems cto vp vps ic');

/** Heads that are people only after "on-call": "the on-call primary" slept, "the primary" may be a database. */
export const ON_CALL_HEADS = set('primary secondary');

/** Pronouns that stand for someone else. "I" and "we" are left out on purpose: owning a mistake is not blaming. */
export const PERSON_PRONOUNS = set('he she they you him her them');
/** "They" can be things ("the replicas were behind; they…"), so it is the weakest evidence of a person. */
export const WEAK_PRONOUNS = set('they them');
export const INDEFINITE_PEOPLE = set('someone somebody anyone anybody everyone everybody whoever');
export const NOBODY = set('nobody noone none');

export const AUXILIARIES = set(`
  is was were are be been being am has have had do does did will would shall should can could may might must
  isn't wasn't weren't aren't hasn't haven't hadn't doesn't don't didn't won't wouldn't shouldn't couldn't can't
  cannot mustn't should've could've would've must've it's that's he's she's they're they've who's
`);

export const NEGATIONS = set("not n't never no nobody noone none without isn't wasn't weren't aren't hasn't haven't hadn't doesn't don't didn't won't wouldn't shouldn't couldn't can't cannot");

export const PREPOSITIONS = set(`
  of on in at from with for by to into onto about over under during after before since until through across against
  between without within via per like as near behind around upon toward towards throughout amid despite except beyond
`);

/** Adverbs that sit inside a verb group ("had just", "clearly didn't") and say nothing about who acted. */
export const ADVERBS = set(`
  just really then also still again never even already ever only not once twice always often sometimes soon later
  now simply clearly obviously actually accidentally apparently honestly frankly basically literally completely
  totally entirely probably certainly definitely seriously somehow finally sadly unfortunately immediately quickly
  promptly manually squarely solely directly mostly partly nearly almost quite rather very too so however
  fortunately luckily ironically predictably naturally surprisingly unsurprisingly admittedly evidently anyway
`);

/** Words that open a new clause whose subject comes next. */
export const SUBORDINATORS = set('because although though while whereas when whenever if unless since until so where whether');
/** Words that may open a new clause or continue the last one ("and touched it anyway"). */
export const COORDINATORS = set('and or but then yet nor plus');

/**
 * Base forms of verbs common in incident writing. Their "-s" forms end a noun phrase ("the handbook tells…"); the
 * base forms do not, because most double as nouns ("the release manager", "the support lead").
 */
export const VERBS = set(`
  say go get make know think take see come want look use find give tell work call try ask need feel become leave put
  mean keep let begin seem help show hear run move believe bring happen write provide sit stand lose pay meet include
  continue set learn change lead understand watch follow stop create speak read allow add spend grow open walk offer
  remember consider appear wait serve send expect build stay fall cut reach remain suggest raise pass pull return
  explain hope carry break receive agree cover catch choose cause point listen deploy ship merge push roll release
  restart revert fix patch test check review approve page escalate notice ignore forget skip miss fire own apply
  configure crash fail recover drop block delete wipe lock hold reply post update announce monitor confirm verify
  restore mitigate resolve handle assume trigger expose route mark require tie cap exhaust retry suppress cache reuse
  drain flag link touch log silence decide refuse rush panic botch assign document
`);

/** Irregular past tenses and participles. Regular ones are known by their "-ed". */
export const IRREGULAR_PAST = set(`
  broke broken forgot forgotten ran took taken made gave given wrote written sat slept lost kept went gone got gotten
  told left set put hit did done saw seen knew known thought caught brought began begun shut threw thrown drove
  driven chose chosen fell fallen found heard held led meant met paid read said sent spent stood understood won blew
  blown came become built bought cut dealt drew drawn felt fought flew hid hidden let lay quit rang rose shook shot
  sold sank spoke spoken stuck struck swore swept tore torn woke worn wound run put hit shut quit
`);

/**
 * Capitalized words that are not names: sentence openers, common nouns of incident writing, products, days and
 * months. A capitalized word on no list is taken for a name, so a product missing here can read as a person; the
 * scenario's own capitalized words (its services and tools) are added per scenario.
 */
export const NOT_NAMES = set(`
  the a an this that these those our my your his her their its some any every each all both no not nothing nobody
  none everything something anything everyone someone anyone it we i you he she they us them me one two three
  if when while after before since until because although though so but and or yet then also as at on in of to for
  from with by during about over under into onto within without per via once now today yesterday tomorrow tonight
  here there where what which who whom whose why how whether
  is was were are be been has have had do does did will would should could can may might must let let's it's
  that's there's here's what's who's he's she's we're they're i'm i've we've they've don't didn't doesn't won't
  can't couldn't wouldn't shouldn't wasn't weren't isn't aren't hasn't haven't hadn't
  yes ok okay please thanks thank sorry note update status impact actions action next current summary timeline
  root cause causes contributing factors factor lessons learned follow-up followups follow-ups owner owners priority
  resolution resolved mitigated mitigation monitoring investigating identified detection detected trigger
  severity sev incident incidents outage outages issue issues problem problems error errors failure failures bug bugs
  alert alerts alerting page pages pager paging dashboard dashboards runbook runbooks playbook playbooks checklist
  deploy deploys deployment deployments release releases rollout rollouts rollback rollbacks change changes config
  configs configuration build builds pipeline pipelines test tests testing tests staging production prod canary
  canaries cluster clusters node nodes server servers service services database databases db cache caches queue
  queues worker workers replica replicas primary secondary region regions traffic request requests response
  responses latency throughput load capacity disk disks memory cpu network dns certificate certificates cert
  users user customers customer clients client orders order payments payment checkout login search api apis
  logs log metrics metric graph graphs panel panels script scripts job jobs cron migration migrations schema
  flag flags feature features code commit commits review reviews approval approvals ticket tickets channel channels
  retry retries timeout timeouts connection connections pool pools version versions patch fix fixes hotfix
  engineering operations infrastructure platform backend frontend mobile web app apps site website system systems
  process processes tooling tools tool policy policies rotation schedule handoff hand-off escalation communication
  comms stakeholders stakeholder announcement announcements postmortem postmortems retro retrospective
  action item items what went well needs improvement improvements risk risks gap gaps
  errors started mitigated rolled restored confirmed paged declared opened closed
  however additionally instead otherwise therefore thus hence meanwhile afterwards sadly
  great good nice well bad fine classic typical honestly frankly sadly apparently clearly obviously luckily
  fortunately unfortunately meanwhile overall finally first second third last later earlier initially eventually
  several many most few other others another each either neither such same whole entire
  staging human humans people engineers
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december
  slack teams zoom jira confluence github gitlab bitbucket jenkins circleci terraform kubernetes docker helm argo
  postgres postgresql mysql redis kafka rabbitmq nginx envoy istio grafana prometheus datadog pagerduty opsgenie
  sentry splunk kibana elastic elasticsearch aws gcp azure cloudflare fastly akamai linux chrome safari firefox
  android ios java python node go rust vault consul google amazon microsoft apple stripe paypal visa mastercard
  okta zendesk statuspage lambda cloudfront bgp
`);

/** Endings no first name has: "Monitoring", "Configuration", "Payment". */
export const NOT_NAME_ENDINGS = /(?:ing|tion|sion|ment|ness|ity|ics|ism|ware|ops)$/;

/** Nouns for a mistake: "Chen's typo", "the data team's carelessness". */
export const ERROR_NOUNS = set(`
  fault mistake mistakes error errors typo typos blunder blunders slip oversight negligence carelessness laziness
  incompetence sloppiness screw-up screwup screwups mess recklessness ignorance fat-finger
`);

/** What the cause of damage did: "Hannah's fix broke…", "Sam caused the outage". */
export const DAMAGE_VERBS = set('broke breaks caused causes corrupted wiped trashed nuked clobbered crashed');

/** Participles that, with "by <someone>", name someone as the agent of a failure: "ignored by Marco". */
export const FAILURE_PARTICIPLES = set('caused broken ignored missed skipped overlooked botched bungled neglected forgotten rushed');

/** Verbs of omission after "didn't", "never", "couldn't": "didn't check", "never test". */
export const OMISSION_VERBS = set(`
  test tested check checked read look looked review reviewed verify verified validate validated notice noticed
  follow followed tell told ask asked understand understood listen listened escalate escalated respond responded
  answer answered care cared pay paid bother bothered run update updated document documented communicate
  communicated warn warned inform informed double-check double-checked wait waited acknowledge acknowledged monitor
  monitored watch watched
`);

/** What "without" leaves out when a person acts: "merged it without review", "deployed without telling anyone". */
export const OMITTED = set(`
  review reviews approval approvals testing tests telling asking checking running waiting looking reading notifying
  warning consulting informing verifying validating sign-off plan
`);

/** Objects that were bad before anyone touched them: "pushed a bad config", "gave us wrong instructions". */
export const BAD_OBJECTS = set('bad broken wrong faulty untested buggy half-baked');
/** Verbs that put something into the system: with a bad object, the person is made its source. */
export const INTRODUCING_VERBS = set(`
  pushed shipped deployed merged released committed applied gave wrote sent made introduced ran reverted configured
  chose picked deleted dropped restarted removed edited changed updated touched pointed targeted
`);

/** What a person's change is called: "thanks to Ivo's change" blames the change's author for its outcome. */
export const CHANGE_NOUNS = set(`
  change changes commit commits deploy deploys deployment push merge refactor edit edits update config configs
  migration pr rollout release decision call script tweak cleanup shortcut shortcuts hack
`);

/** What a person is thanked or credited for: "because of Sam's quick rollback" is not blame. */
export const CREDIT_NOUNS = set(`
  rollback fix fixes patch help work thinking catch vigilance diligence effort efforts escalation response
  investigation attention alertness experience knowledge runbook notes foresight care
`);

/** What a cleft credits: "It was Sam who noticed the spike" is thanks, not blame. */
export const CREDIT_VERBS = set(`
  noticed caught spotted found fixed restored rolled resolved mitigated saved flagged raised escalated paged helped
  led diagnosed identified recovered stopped suggested proposed wrote-up documented warned asked
`);

/** Damage one can be sarcastically thanked for: "thank Zoe for the six hours of downtime". */
export const DAMAGE_NOUNS = set('outage outages downtime mess incident incidents breakage this that pages loss failure failures errors');

/** After "could have": what a person failed to prevent, not what they were able to do. */
export const PREVENTION_VERBS = set('prevented avoided stopped caught noticed checked tested spotted seen known');

/** After "never" or "still hasn't": what reaches a person rather than what they do ("never saw the page"). */
export const NOT_OMITTED = set('saw seen see received receive got get gotten heard hear knew know had have was were been');

/** What an on-call person carries: "turned his phone off". */
export const PAGERS = set('phone phones pager pagers notifications alerts laptop');
