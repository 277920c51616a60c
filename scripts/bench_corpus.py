"""Seeded generator of synthetic work reports for scripts/bench: titles, opening paragraphs, 一、 blocks
with （一） headings and 一是/二是 series, placeholders, stray spaces, wrong punctuation and formulations in
realistic proportions. Every sentence is written for this project; nothing is taken from real reports."""
import os
import random

UNITS = ["市统计局", "县水利局", "区财政局", "市审计局", "县档案馆", "市科技局", "区民政局", "市人社局"]
TYPES = ["党建工作总结", "落实全面从严治党主体责任情况报告", "机关党建工作要点", "党风廉政建设工作总结"]
BLOCKS = ["加强政治建设", "深化理论武装", "夯实组织基础", "持续正风肃纪", "严明纪律建设", "推动党建与业务融合"]
ITEMS = ["落实“第一议题”制度", "开展专题研讨", "规范“三会一课”", "抓好问题整改", "开展警示教育", "推进支部标准化建设"]
CLEAN = [
    "全年召开党组会议{n}次，研究党建工作{m}次",
    "组织党员干部集中学习{n}次，撰写心得体会{m}篇",
    "坚持以习近平新时代中国特色社会主义思想为指导，深刻领悟“两个确立”的决定性意义",
    "严格落实中央八项规定精神，驰而不息纠治“四风”",
    "围绕“贯彻党代会 奋进新征程”主题开展宣讲{n}场",
    "一体推进不敢腐、不能腐、不想腐，通报典型案例{m}起",
    "2024年3月{n}日召开专题民主生活会，按3×4的方式分组讨论",
]
FLAWED = [
    "全年召开党组会议*次，审议个重要事项",
    "认真学习 ，深入领会,开展专题研讨...形式多样",
    "坚持以新时代中国特色社会主义思想为指导",
    "增强“四个意识”、“四个自信”，研究部署XX届X中X会精神",
    "对余件信访件进行复核--做到件件有回音",
    "我室牵头制定了考核办法，，并组织实施",
]


def sentence(rng, flaw_rate):
    pool = FLAWED if rng.random() < flaw_rate else CLEAN
    return rng.choice(pool).format(n=rng.randint(2, 30), m=rng.randint(1, 12)) + "。"


def paragraph(rng, flaw_rate, sentences):
    return "".join(sentence(rng, flaw_rate) for _ in range(sentences))


def report(rng, target_bytes, flaw_rate=0.08):
    unit = rng.choice(UNITS)
    year = rng.randint(2021, 2024)
    lines = [f"{unit}{year}年{rng.choice(TYPES)}", "",
             f"{year}年，{unit}党组在上级党组织的坚强领导下，" + paragraph(rng, flaw_rate, 3) + "现将有关情况报告如下。"]
    numerals = "一二三四五六七八九十"
    block = 0
    while len("\n".join(lines).encode()) < target_bytes:
        block += 1
        lines.append(f"{numerals[(block - 1) % 10]}、{rng.choice(BLOCKS)}")
        for sub in range(rng.randint(1, 3)):
            series = "".join(f"{numerals[i]}是{rng.choice(ITEMS)}。" + paragraph(rng, flaw_rate, rng.randint(1, 3))
                             for i in range(rng.randint(2, 4)))
            lines.append(f"（{numerals[sub]}）{rng.choice(BLOCKS)}。" + series)
    lines += ["存在的问题：一年来虽然取得了一定成效，但对照要求还存在一些不足。",
              f"下一步，{unit}将持续深化理论武装，推动党建与业务深度融合。", "", f"中共{unit}党组", f"{year + 1}年1月10日", ""]
    return "\n".join(lines)


# Wordings a unit's forbid pack might list that occur in the flawed sentences above (about one sentence
# in a hundred holds each): every phrase list has the same three, so the phrase benchmark also finds,
# positions and prints findings, and as many whatever the number of phrases.
OCCURRING = ["深入领会", "并组织实施", "审议个重要事项"]


def phrases(rng, count):
    """Distinct 4-to-8-character phrases made of characters common in reports: the three OCCURRING
    wordings and random ones, which rarely or never occur."""
    alphabet = "党建政治思想组织作风纪律学习教育监督整改责任落实推进深化加强制度建设工作会议专题研讨群众服务"
    seen = set(OCCURRING)
    while len(seen) < count:
        seen.add("".join(rng.choice(alphabet) for _ in range(rng.randint(4, 8))))
    return sorted(seen)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
