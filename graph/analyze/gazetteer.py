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
    sentinel dispatch inquirer observer wire chamber lines""".split()
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
    later earlier instead again finally separately previously recently""".split()
)
