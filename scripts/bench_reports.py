"""Report-shaped corpus for scripts/bench (issue 22): generated reports with the paragraph lengths and structure
of real ones, and copies of the real samples read at run time.

Real reports differ from bench_corpus.py's synthetic ones in shape, not in vocabulary: an opening paragraph of
150–650 characters, 一、 headings alone on their line, and under each a few long paragraphs (mostly 170–800
characters, some up to 2,000: about 500 to 2,400 bytes, and longer) that run 一是……二是……三是…… or start with a run-in
（一） heading or a 1. item, then a problems paragraph and a next-steps paragraph (or a 存在的问题和下一步打算 block),
then the signature. Every phrase below is written for this project and combined at random, so two paragraphs of
one report share stock phrases (as real ones do) but are never copies of each other. Nothing is taken from real
reports; the samples are only read from disk when the benchmark runs, never stored in the project."""
import glob
import os
import random

NUMERALS = "一二三四五六七八九十"

UNITS = ["市统计局", "县水利局", "区财政局", "市审计局", "县档案馆", "市科技局", "区民政局", "市人社局", "市政策研究室",
         "县农业农村局", "区市场监管局", "市住建局", "县交通运输局", "市生态环境局", "区教育体育局", "市机关事务管理局"]
TYPES = ["党建工作总结", "落实全面从严治党主体责任情况报告", "党风廉政建设工作总结", "贯彻落实党风廉政建设责任制情况报告",
         "全面从严治党工作情况报告", "机关党建工作总结"]
LEADERS = ["市委", "县委", "区委", "市委、市政府", "上级党组织", "市直机关工委"]

# The 一、 blocks in the order reports put them since 2017 (政治, 思想, 组织, 作风, 纪律, then the work itself): a
# heading (a verb phrase, a comma, a goal: 10–25 characters) and the lead words of the items under it.
BLOCKS = [
    (["扛牢政治责任", "加强政治建设", "提高政治站位"], ["加强政治建设", "严格落实主体责任", "坚决做到“两个维护”"]),
    (["筑牢思想防线", "强化理论武装", "深化理论学习"], ["持续强化理论学习", "落实“第一议题”制度", "开展专题研讨", "抓好意识形态工作"]),
    (["坚持党建引领", "夯实组织基础", "加强基层党组织建设"], ["规范组织生活", "抓实“三会一课”", "推进支部标准化建设", "加强干部队伍建设"]),
    (["持续正风肃纪", "深化作风建设", "驰而不息转变作风"], ["落实中央八项规定精神", "整治形式主义官僚主义", "改进调查研究"]),
    (["严明纪律规矩", "强化监督执纪", "加强党风廉政建设"], ["扎实开展警示教育", "强化日常监督管理", "加强廉洁文化建设"]),
    (["推动党建业务互促", "服务中心工作", "抓实问题整改"], ["健全制度机制", "抓好问题整改", "推动重点任务落实"]),
]
HEAD_GOALS = ["压实管党治党责任", "坚定正确政治方向", "提升机关党建质量", "推进全面从严治党向纵深发展", "营造风清气正的政治生态",
              "推动各项部署落地见效", "筑牢拒腐防变思想防线", "以高质量党建引领高质量发展"]

SUBJECTS = ["党组", "班子成员", "全体党员干部", "各支部", "机关党委", "党组书记", "各科室负责人", "纪检组", "青年干部"]
ADVERBS = ["认真", "扎实", "持续", "严格", "深入", "切实", "及时", "全面", "进一步", "坚持"]
VERBS = ["组织开展", "召开", "制定印发", "修订完善", "学习传达", "督促落实", "研究部署", "专题学习", "推进", "跟踪督办"]
OBJECTS = ["党组理论学习中心组学习", "专题民主生活会", "廉政谈话", "警示教育大会", "主题党日活动", "党风廉政建设工作会议",
           "支部书记述职评议", "廉政风险点排查", "谈心谈话", "集中学习研讨", "作风纪律专项检查", "党课宣讲",
           "重点任务督查", "意识形态分析研判", "违规吃喝专项治理", "领导干部报告个人有关事项"]
DOC_PARTS = [("年度", "党风廉政建设工作要点"), ("", "全面从严治党主体责任清单"), ("", "党员干部教育管理办法"),
             ("", "廉政风险防控手册"), ("年度", "理论学习中心组学习计划"), ("", "意识形态工作责任制实施细则"),
             ("", "作风建设专项整治方案"), ("", "重点任务分工方案")]
MEASURES = [("次", 2, 30), ("场", 2, 20), ("人次", 20, 400), ("期", 2, 12), ("篇", 5, 90), ("项", 3, 40), ("条", 3, 60)]
GOALS = ["切实把管党治党责任扛在肩上、抓在手上", "推动全面从严治党向纵深发展", "营造了风清气正的良好氛围",
         "做到任务清、责任明、措施严", "形成了一级抓一级、层层抓落实的工作格局", "筑牢了拒腐防变的思想防线",
         "以高度的政治自觉推动各项要求落地见效", "确保各项工作部署不折不扣落到实处", "推动党建工作与业务工作深度融合",
         "进一步增强了党员干部的纪律意识和规矩意识"]
PRINCIPLES = ["坚持把党的政治建设摆在首位", "坚持以习近平新时代中国特色社会主义思想为指导", "坚持党建工作与业务工作同谋划、同部署、同推进、同考核",
              "坚持严的基调、严的措施、严的氛围", "坚持问题导向和目标导向相统一", "坚持抓早抓小、防微杜渐",
              "坚持把纪律和规矩挺在前面", "坚持围绕中心、服务大局"]
SLOGANS = ["深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”",
           "严格落实中央八项规定精神，驰而不息纠治“四风”", "一体推进不敢腐、不能腐、不想腐",
           "督促班子成员认真履行“一岗双责”", "认真贯彻落实党的二十大精神"]
# Slips as reviewers find them, at a low rate: half-width marks, a stray space, a placeholder left in, a
# dropped name, a doubled mark, three dots.
FLAWS = ["全年召开党组会议*次，审议重要事项**项", "认真学习 ，深入领会,开展专题研讨...形式多样",
         "坚持以新时代中国特色社会主义思想为指导", "对XX件信访件进行复核--做到件件有回音", "牵头制定了考核办法，，并组织实施"]
PROBLEMS = ["理论学习的深度和系统性还不够", "个别党员干部主动担当意识不强", "监督执纪的精准度有待提高", "基层党建工作发展还不够平衡",
            "廉政风险防控措施还不够细化", "党建与业务融合的办法还不多", "作风建设长效机制还不够健全"]


def count(rng):
    measure, low, high = rng.choice(MEASURES)
    return f"{rng.randint(low, high)}{measure}"


def document_name(rng, year):
    prefix, name = rng.choice(DOC_PARTS)
    return f"《{rng.choice(UNITS)}{year}{prefix}{name}》"


def clause(rng, year):
    """One clause of 10 to 40 characters."""
    kind = rng.randrange(6)
    if kind == 0:
        return f"{rng.choice(ADVERBS)}{rng.choice(VERBS)}{rng.choice(OBJECTS)}{count(rng)}"
    if kind == 1:
        return f"{rng.choice(VERBS)}{document_name(rng, year)}"
    if kind == 2:
        return rng.choice(PRINCIPLES)
    if kind == 3:
        return f"{rng.choice(SUBJECTS)}{rng.choice(ADVERBS)}{rng.choice(VERBS)}{rng.choice(OBJECTS)}"
    if kind == 4:
        return rng.choice(GOALS)
    return rng.choice(SLOGANS)


def sentence(rng, year, flaw_rate):
    if rng.random() < flaw_rate:
        return rng.choice(FLAWS) + "。"
    wanted = rng.randint(2, 4)
    clauses = []
    while len(clauses) < wanted:
        candidate = clause(rng, year)
        if candidate not in clauses:  # a clause said twice in a row is a slip of its own
            clauses.append(candidate)
    if rng.random() < 0.3:
        clauses.insert(0, f"{year}年{rng.randint(1, 12)}月")
    return "，".join(clauses) + "。"


def prose(rng, year, characters, flaw_rate):
    text = ""
    while len(text) < characters:
        text += sentence(rng, year, flaw_rate)
    return text


def paragraph_length(rng):
    """Characters of one body paragraph: mostly as in real reports, one in seven longer."""
    return rng.randint(170, 800) if rng.random() < 0.85 else rng.randint(800, 2_000)


def body_paragraph(rng, year, block, flaw_rate):
    """The next paragraph of a block: its series runs on across paragraphs (一是 … 三是, then 四是 … in the next),
    its （一） or 1. items count on; past ten items the block's paragraphs are plain."""
    length = paragraph_length(rng)
    style, topics, done = block["style"], block["topics"], block["items"]
    if style == "series" and done < 9:
        count = min(rng.randint(1, 3), 10 - done)
        block["items"] += count
        return "".join(f"{NUMERALS[done + i]}是{rng.choice(topics)}。" + prose(rng, year, length // count, flaw_rate)
                       for i in range(count))
    block["items"] += 1
    if style == "runin" and done < 10:
        return f"（{NUMERALS[done]}）{rng.choice(topics)}，{rng.choice(HEAD_GOALS)}。" + prose(rng, year, length, flaw_rate)
    if style == "items":
        return f"{done + 1}.{rng.choice(topics)}。" + prose(rng, year, length, flaw_rate)
    return prose(rng, year, length, flaw_rate)


def report(rng, target_bytes=10_000, flaw_rate=0.03):
    unit = rng.choice(UNITS)
    year = rng.randint(2023, 2024)
    lines = []
    if rng.random() < 0.3:
        lines.append(rng.choice(LEADERS).split("、")[0] + "：")
    lines.append(f"{unit}{year}年{rng.choice(TYPES)}")
    lines.append(f"{year}年，在{rng.choice(LEADERS)}的坚强领导下，{unit}党组" + prose(rng, year, rng.randint(150, 600), flaw_rate)
                 + f"现将{year}年度有关情况报告如下：")
    # Three to six blocks in their usual order, each with paragraphs until the report has its size.
    body_bytes = max(1_000, target_bytes - len("\n".join(lines).encode()) - 1_500)
    chosen = sorted(rng.sample(range(len(BLOCKS)), min(rng.randint(3, 6), max(3, body_bytes // 1_500))))
    blocks = []
    for number, block in enumerate(chosen):
        headings, topics = BLOCKS[block]
        blocks.append({"style": rng.choice(["series", "series", "runin", "items", "plain"]), "topics": topics, "items": 0,
                       "paragraphs": [f"{NUMERALS[number]}、{rng.choice(headings)}，{rng.choice(HEAD_GOALS)}"]})
    written = 0
    turn = 0
    while written < body_bytes or turn < len(blocks):
        block = blocks[turn % len(blocks)]
        paragraph = body_paragraph(rng, year, block, flaw_rate)
        block["paragraphs"].append(paragraph)
        written += len(paragraph.encode())
        turn += 1
    for block in blocks:
        lines += block["paragraphs"]
    closing_block = rng.random() < 0.4  # problems and next steps as a 一、 block, else as cue paragraphs
    problems = "".join(f"{NUMERALS[i]}是{problem}；" for i, problem in enumerate(rng.sample(PROBLEMS, rng.randint(2, 3))))[:-1] + "。"
    next_steps = prose(rng, year, rng.randint(150, 300), flaw_rate)
    if closing_block:
        lines.append(f"{NUMERALS[len(blocks)]}、存在的问题和下一步打算")
        lines.append(f"一年来，{unit}党组虽然做了一些工作，但对照上级要求还存在一些差距，主要表现在：" + problems)
        lines.append(f"{year + 1}年，{unit}党组将继续" + next_steps)
    else:
        lines.append(f"一年来，{unit}党组虽然取得了一定成效，但还存在一些不足，主要表现在：" + problems)
        lines.append(f"下一步，{unit}党组将" + next_steps)
    lines += ["", f"中共{unit}党组", f"{year + 1}年1月{rng.randint(5, 28)}日", ""]
    return "\n".join(lines)


def samples(folder=None):
    """The texts of the real sample reports, read from REPORTLINT_BENCH_SAMPLES or /work/shared/samples;
    an empty list when there are none (the benchmark then says so)."""
    folder = folder or os.environ.get("REPORTLINT_BENCH_SAMPLES", "/work/shared/samples")
    return [open(path, encoding="utf-8").read() for path in sorted(glob.glob(os.path.join(folder, "*.txt")))]
