"""Small hand-written word lists for the entity tagger."""

from __future__ import annotations

HONORIFICS = frozenset(
    """mr mrs ms miss dr prof professor sen senator rep representative gov governor president
    pres vice secretary sec gen general lt col capt captain sgt adm admiral judge justice
    mayor chancellor minister premier king queen prince princess pope rev reverend sir dame
    lord lady sheriff chief ceo coach councilman councilwoman councillor commissioner
    ambassador councilmember alderman alderwoman analyst economist spokesperson spokesman
    spokeswoman chairman chairwoman""".split()
)

FIRST_NAMES = frozenset(
    """james john robert michael william david richard joseph thomas charles christopher
    daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george
    timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry
    justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis
    jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah
    jeremy christian keith roger terry gerald harold sean austin carl arthur lawrence dylan
    jesse jordan bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah
    randy roy vincent ralph eugene russell bobby mason philip louis bernie ted marco jeb
    chris mike bill hillary barack joe elizabeth kamala nancy mitch rand ben carly rick
    mary patricia jennifer linda barbara susan jessica sarah karen lisa nancy betty
    margaret sandra ashley kimberly emily donna michelle carol amanda dorothy melissa
    deborah stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna brenda
    pamela emma nicole helen samantha katherine christine debra rachel carolyn janet
    catherine maria heather diane ruth julie olivia joyce virginia victoria kelly lauren
    christina joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa
    ann sara madison frances kathryn janice jean abigail alice judy sophia grace denise
    amber doris marilyn danielle beverly isabella theresa diana natalie brittany charlotte
    marie kayla alexis lori jane priya rohan wei li mohammed muhammad ahmed ali omar fatima
    aisha carlos luis miguel maria ana sofia elena ivan olga dmitri vladimir xi ji hiro
    yuki kenji raj arjun sanjay deepak anil sunil ravi amit elon jeff tim satya sundar
    sam bob tom dan jim steve tony nick matt alex jon ken ron greg pete ed al hank
    kim lee""".split()
) | frozenset(  # more common given names, English-language and international
    """adrian alan alec allen andre andy angelo antonio barry ben bernard blake brad
    brett brent calvin cameron carlos cary casey chad clark clay clint cody colin
    connor craig curtis dale damian dana darren dave dean derek desmond devin dirk
    dom don drew duane dustin dwayne earl eddie edgar elliot emmanuel enrique eric erik
    evan felix fernando francis francisco fred freddie glen glenn gordon graham
    hans harry hector herman howard hugh hugo ian isaac ivan jake jamal jared javier jay
    jeremiah jim jimmy joel johnny jon jorge julian julio karl keith kent kirk kurt lance
    leo leon leonard lewis liam lloyd lou luke malcolm manuel marcus mario marshall martin
    marvin maurice micah miles mitchell morgan neil nigel norman oliver oscar owen
    pablo pedro phil preston quentin rafael ralph ramon randall ray reed reggie rex ricardo
    ricky robin rodney roland ross ruben rudy russ ryan salvador scott sergio seth shane
    shawn simon spencer stan stanley stuart todd travis trevor troy tyrone victor vince
    wade warren wes wesley wyatt xavier zach
    abby adriana alicia allison alyssa amelia andrea angie anita annie ava becky
    bella beth bethany bonnie brooke caitlin camila candace carla carmen carrie cassandra
    cathy chelsea chloe claire clara claudia colleen courtney crystal daisy debbie
    delia devon dolores eileen elaine eleanor elisa ella ellen ellie elsa erica erin esther
    eva fiona gabriela gail gina gwen harriet hazel holly ingrid irene iris
    isabel ivy jackie jade jana jasmine jenna jenny jessie jill jo joanna jocelyn jodi
    josephine juanita julia juliana kara kate kathy katie kay kelsey kendra kristen
    kristin krystal lana latoya leah leslie lillian lily linda lindsay lindsey liz lola
    lorena lorraine louise lucia lucy lydia lynn mackenzie maggie mallory marcia margo
    marian marina marsha maya meghan melanie melinda mia michele mildred miranda
    molly monica naomi natalia nina nora paige patsy paula pauline penny peggy priscilla
    rachael regina renee rita roberta robyn rosa rosemary roxanne sabrina sally selena
    serena sheila shelby sherry sonia sonya stacy stella sue susie suzanne sylvia tamara
    tammy tanya tara tina tracy valerie vanessa vera veronica vicki vivian wanda wendy
    yolanda yvonne zoe
    ahmad akira alejandro andrei antoine boris chen dmitry emmanuel fumihiko giuseppe
    hiroshi hassan hussein ibrahim jacques jean-claude jin juan-carlos kenji klaus
    lars mahmoud mario matteo mehmet mustafa naoki narendra olaf pierre rahul recep sergei
    shinzo takeshi vikram wolfgang xiao yusuf yuri zhang""".split()
)

ORG_CUES = frozenset(
    """inc corp corporation co ltd llc plc company group council department dept university
    college school institute agency association union party committee commission board
    bureau office ministry administration authority foundation fund bank times news post
    journal herald tribune press network networks television tv radio media club league
    federation organization organisation society center centre hospital court congress
    senate house parliament assembly army navy police service services systems technologies
    labs works industries holdings partners capital ventures airlines motors pharmaceuticals
    campaign fbi cia nasa un nato eu cnn bbc reuters ap gazette beacon courier chronicle
    sentinel dispatch inquirer observer wire chamber lines centers channel alliance
    coalition""".split()
)
ORG_PREFIX_CUES = frozenset({"the"})

PRODUCT_CUES = frozenset(
    """iphone ipad android windows galaxy pixel model rover series edition pro max mini
    plus app os""".split()
)

PLACE_CUES = frozenset(
    """city county state province river lake mountain mount street avenue road bridge park
    valley bay island islands beach harbor harbour port district region""".split()
)

COUNTRIES_STATES = frozenset(
    """alabama alaska arizona arkansas california colorado connecticut delaware florida
    georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland
    massachusetts michigan minnesota mississippi missouri montana nebraska nevada
    ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington
    wisconsin wyoming america usa us u.s britain england scotland wales ireland france
    germany italy spain portugal russia ukraine china japan india pakistan iran iraq syria
    israel egypt canada mexico brazil argentina australia turkey greece poland sweden norway
    finland denmark netherlands belgium switzerland austria korea vietnam indonesia
    nigeria kenya ethiopia africa europe asia london paris berlin moscow beijing tokyo
    chicago boston houston dallas seattle atlanta miami denver phoenix detroit philadelphia
    baltimore""".split()
) | frozenset(
    {"new york", "new jersey", "new mexico", "new hampshire", "north carolina",
     "south carolina", "north dakota", "south dakota", "west virginia", "rhode island",
     "united states", "united kingdom", "south korea", "north korea", "south africa",
     "saudi arabia", "los angeles", "san francisco", "washington d.c", "new zealand"}
)

#: Capitalised words that are not names at the start of a sentence (or anywhere), among them
#: fact-check ratings ("rates it False") and sentence adverbs ("Later Reyes said").
COMMON_CAPS = frozenset(
    """the a an and but or so yet in on at for from with by of to as if when while after
    before since because although though however meanwhile still also then now today
    yesterday tomorrow this that these those there here he she it they we i you his her
    its their our my your what who why how where which some many most no not one two three
    all both each every any several few other another such more less
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december breaking update updated
    photo read watch click subscribe share editor note according
    true false mostly misleading unproven
    later earlier instead again finally separately previously recently despite within
    once without through during against between among amid unlike including until unless
    whether even just only perhaps maybe please thanks yes via around across beyond toward
    towards upon whereas whilst make let would should could can did does is are was were
    has have had shall might must""".split()
)

#: Words that end a job title right before a name ("Disney Chief Executive Bob Iger"), beyond
#: HONORIFICS; sports positions as abbreviations too ("Browns DL Sheldon Richardson").
TITLE_HEADS = HONORIFICS | frozenset(
    """executive officer director manager founder cofounder co-founder editor attorney
    representative minister secretary chair chairperson leader speaker
    head cfo coo cto cmo cio vp evp svp partner principal adviser advisor aide envoy
    commander official president nominee candidate quarterback linebacker receiver
    cornerback pitcher striker midfielder defender goalkeeper qb rb wr te ol dl lb cb
    dt designer engineer producer strategist lawmaker superintendent prosecutor inspector
    administrator treasurer comptroller auditor clerk provost dean bishop archbishop rabbi
    imam pastor colonel lieutenant sergeant detective trooper marshal magistrate ombudsman
    astronaut scientist researcher historian journalist reporter columnist correspondent
    photographer actor actress singer rapper guitarist drummer vocalist songwriter composer
    choreographer winger goaltender goalie shortstop outfielder kicker insider""".split()
)
#: Words inside a title before its head ("Prime Minister", "Trade Representative").
TITLE_MODIFIERS = frozenset(
    """chief vice deputy prime foreign defense defence finance trade health interior justice
    senior executive managing general project product program programme marketing sales
    technical creative assistant associate acting interim national security press
    communications operating financial technology design lead co state attorney district
    principal global regional digital research public affairs policy high of prosecution
    prosecutions schools education police fire medical surgeon""".split()
)
#: Title heads whose owner is an organization ("Browns DL", "SoftBank CEO").
ORG_TITLE_HEADS = frozenset(
    """ceo cfo coo cto cmo cio vp evp svp chief executive officer founder cofounder co-founder
    chairman chairwoman chair spokesperson spokesman spokeswoman manager director head
    engineer designer producer partner coach quarterback linebacker receiver cornerback
    pitcher striker midfielder defender goalkeeper qb rb wr te ol dl lb cb dt insider reporter
    correspondent columnist""".split()
)
#: Title heads whose owner is a place ("Fresno Mayor", "Ohio Gov.").
PLACE_TITLE_HEADS = frozenset("mayor governor gov premier sheriff".split())
#: Words before a title or name that belong to neither ("Ousted WeWork CEO Adam Neumann").
LEAD_DROP = frozenset(
    """former ousted outgoing incoming acting interim then late embattled disgraced veteran
    longtime rookie""".split()
)
#: Capitalised tokens that are never names on their own.
MONTH_ABBR = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
DAY_ABBR = frozenset("mon tue tues wed thu thur thurs fri sat".split())
COLOURS = frozenset(
    """red green yellow purple orange blue pink violet indigo silver gold grey gray black
    white beige teal turquoise magenta""".split()
)
UNITS = frozenset(
    """tbsp tsp oz lb lbs kg mg km cm mm mph kph kw kwh mw mwh gw gwh dba db ghz mhz hz
    mah wh psi rpm""".split()
)
#: Postal codes and AP abbreviations of US states: "Fresno, Calif." makes "Fresno" a place.
STATE_ABBR = frozenset(
    """al ak az ar ca co ct de fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh
    nj nm ny nc nd oh ok or pa ri sc sd tn tx ut vt va wa wv wi wy dc ala ariz ark calif colo
    conn del fla ill ind kan kans ky md mass mich minn miss mo mont neb nev okla ore pa tenn
    tex va vt wash wis wyo""".split()
)
#: Words after "X's" or "X" that make X an organization ("Apple's CEO", "Amazon shares").
ORG_NEXT = frozenset(
    """ceo cfo coo cto spokesperson spokesman spokeswoman shares stock stockholders
    shareholders headquarters hq subsidiary employees executives board founder cofounder
    co-founder chairman earnings revenue""".split()
)
#: Named days that head-line writers glue to the next name ("Black Friday Apple deals").
HOLIDAYS = frozenset(
    w.strip() for w in """black friday|cyber monday|prime day|singles day|christmas|
    christmas eve|thanksgiving|
    easter|halloween|diwali|hanukkah|ramadan|eid|election day|valentine's day|memorial day|
    labor day|independence day|new year's eve|new year's day""".split("|")
)


#: Short forms that name the same country or body as a full name: one entity node for both
#: ("US" and "United States" are one place, in one article or across articles).
CANONICAL_NAMES: dict[str, str] = {
    **dict.fromkeys(("US", "U.S.", "U.S", "USA", "U.S.A."), "United States"),
    **dict.fromkeys(("UK", "U.K.", "U.K", "Britain", "Great Britain"), "United Kingdom"),
    **dict.fromkeys(("EU", "E.U."), "European Union"),
    **dict.fromkeys(("UN", "U.N."), "United Nations"),
    **dict.fromkeys(("UAE", "U.A.E."), "United Arab Emirates"),
}
