"""How people respond to what management does: the response of each perceived factor to an
observable condition (:mod:`sim.agents.conditions`), the same in every scenario.

These were the "gains" and "losses" of the first version's policies. A policy now sets only the
condition (how often people are appraised, who is threatened, what is spent on activities), and
the size of the response lives here, so no scenario can set how much a practice hurts or helps.
Each factor is ``clip(ordinary level + sum of responses, 0, 1)``; the ordinary levels are
:data:`sim.agents.climate.NEUTRAL`. Defaults keep the first version's figures, whose reasons are
given with each; "assumed" means no study fixes the number, and the calibration
(``sim/calibration/``) screens every one of them.
"""

from __future__ import annotations

from sim.params import Spec, param

V1 = "assumed (the first version's policy default, now one response for every scenario)"


class Responses(Spec):
    """Response parameters: perceived factor per unit of an observable condition."""

    # --- supervision and voice ---
    voice_per_participation: float = param(
        0.6,
        0.0,
        1.5,
        unit="voice per participation",
        doc="voice gained per unit of participation above an ordinary firm's 0.5 (lost below it)",
        source="Lewin, Lippitt & White 1939 (participative leadership); " + V1,
        label_zh="参与对话语权的影响",
        doc_zh="参与程度每高于一般企业的0.5一个单位，员工增加的话语权（低于0.5则减少）",
    )
    supervision_per_participation: float = param(
        0.3,
        0.0,
        1.0,
        unit="supervision per participation",
        doc="felt quality of supervision per unit of participation above 0.5",
        source=V1,
        label_zh="参与对上级管理的影响",
        doc_zh="参与程度每高于0.5一个单位，员工感到的上级管理质量提高多少",
    )
    rules_per_participation: float = param(
        0.1,
        0.0,
        0.5,
        unit="rules per participation",
        doc="felt fairness of company rules per unit of participation above 0.5",
        source=V1,
        label_zh="参与对制度公平感的影响",
        doc_zh="参与程度每高于0.5一个单位，员工感到的公司制度公平程度提高多少",
    )
    walking_half_time: float = param(
        0.1,
        0.01,
        0.5,
        unit="share of managers' time",
        doc="managers' time on the floor at which walking around has half its effect",
        source="assumed: a tenth of managers' time is enough to be seen (Peters & Waterman 1982)",
        label_zh="走动管理半效时间",
        doc_zh="管理者在一线的时间达到这一比例时，走动管理发挥一半的作用",
    )
    voice_per_walking: float = param(
        0.3,
        0.0,
        0.6,
        unit="voice",
        doc="voice gained from walking around at saturation",
        source=V1,
        label_zh="走动管理对话语权的影响",
        doc_zh="走动管理充分开展时员工增加的话语权",
    )
    supervision_per_mentoring: float = param(
        0.25,
        0.0,
        0.6,
        unit="supervision",
        doc="felt supervision from managers who walk around and coach, at saturation",
        source="source document: Walmart's leaders as mentors ('supervisor'); " + V1,
        label_zh="导师式管理对上级管理的影响",
        doc_zh="管理者走动并辅导员工时，员工感到的上级管理质量（充分开展时）",
    )
    supervision_per_threat: float = param(
        0.1,
        0.0,
        0.5,
        unit="supervision",
        doc="felt supervision lost when management threatens to withhold wages",
        source="source document: Shengyi's autocratic boss; " + V1,
        label_zh="威胁对上级管理的影响",
        doc_zh="管理层以扣发工资相威胁时，员工感到的上级管理质量下降多少",
    )
    security_per_threat: float = param(
        0.25,
        0.0,
        0.6,
        unit="security",
        doc="job security lost by people whose wages are threatened",
        source="source document: threats to withhold wages hit the safety need; " + V1,
        label_zh="威胁对安全感的影响",
        doc_zh="工资受到威胁的员工失去的工作安全感",
    )
    pressure_per_threat: float = param(
        0.2,
        0.0,
        1.0,
        unit="pressure",
        doc="short-run pressure to work from threats",
        source=V1,
        label_zh="威胁带来的压力",
        doc_zh="威胁在短期内带来的工作压力",
    )
    voice_per_listening: float = param(
        0.05,
        0.0,
        0.5,
        unit="voice",
        doc="voice gained when management talks with every informal leader",
        source="source document: informal channels; " + V1,
        label_zh="倾听领头人对话语权的影响",
        doc_zh="管理层与每一位非正式组织领头人谈话时员工增加的话语权",
    )
    supervision_per_competence: float = param(
        0.5,
        0.0,
        2.0,
        unit="supervision per log-competence",
        doc="felt supervision per log-point of managers' competence gained by open contests",
        source=V1,
        label_zh="管理者能力对上级管理的影响",
        doc_zh="通过公开竞争使管理者能力每提高一个对数点，员工感到的上级管理质量提高多少",
    )
    supervision_per_new_managers: float = param(
        0.15,
        0.0,
        0.6,
        unit="supervision",
        doc="felt supervision when all managers at a level are newly hired (a new broom)",
        source=V1,
        label_zh="新管理层对上级管理的影响",
        doc_zh="某一层管理者全部是新聘人员时，员工感到的上级管理质量变化（新官上任）",
    )

    # --- negative incentives ---
    threat_per_fine_share: float = param(
        2.0,
        0.0,
        10.0,
        unit="threat per share fined",
        doc="felt threat per share of the workforce fined (criticism counts one for one)",
        source=V1,
        label_zh="罚款比例带来的威胁",
        doc_zh="员工中被罚款的比例每增加一个单位，员工感到的威胁（批评按同等计算）",
    )
    pressure_per_punishment: float = param(
        0.6,
        0.0,
        1.0,
        unit="pressure",
        doc="pressure to work per unit of felt threat of punishment",
        source="Podsakoff et al. 2006 (punishment and effort); " + V1,
        label_zh="惩罚带来的压力",
        doc_zh="每单位受惩罚的威胁感带来的工作压力",
    )
    security_per_punishment: float = param(
        0.15,
        0.0,
        0.6,
        unit="security",
        doc="job security lost per unit of felt threat of punishment",
        source="source document: negative incentives cost the safety need; " + V1,
        label_zh="惩罚对安全感的影响",
        doc_zh="每单位受惩罚的威胁感使员工失去的工作安全感",
    )
    respect_per_criticism: float = param(
        0.2,
        0.0,
        0.5,
        unit="respect",
        doc="felt respect lost under public criticism (supervision and relations lose half as much)",
        source=V1,
        label_zh="公开批评对尊重的影响",
        doc_zh="公开批评时员工感到的尊重下降多少（上级管理和同事关系下降一半）",
    )

    # --- appraisal, ranking and dismissal ---
    transparency_when_untold: float = param(
        0.1,
        0.0,
        0.5,
        unit="transparency",
        doc="felt transparency of an appraisal when neither criteria, method nor result is told",
        source="assumed: some of the process is always guessed from the outside",
        label_zh="不公开时的透明感",
        doc_zh="考核标准、方法和结果都不告诉员工时，员工感到的考核透明度",
    )
    security_per_appraisal: float = param(
        0.12,
        0.0,
        0.5,
        unit="security per monthly appraisal",
        doc="job security lost by being appraised every month (scales with appraisals a year / 12)",
        source="source document, rule 2: frequent appraisal threatens the safety need; " + V1,
        label_zh="考核频率对安全感的影响",
        doc_zh="每月考核一次使员工失去的工作安全感（按每年考核次数除以12折算）",
    )
    stress_per_appraisal: float = param(
        0.1,
        0.0,
        0.5,
        unit="conditions per monthly appraisal",
        doc="felt working conditions lost to stress by being appraised every month (scales likewise)",
        source="source document, rule 2: frequent appraisal adds stress; " + V1,
        label_zh="考核频率带来的压力",
        doc_zh="每月考核一次，员工因压力而感到的工作条件下降（同样折算）",
    )
    fear_per_dismissal_risk: float = param(
        0.4,
        0.0,
        1.0,
        unit="security per yearly risk",
        doc="job security lost per unit of felt yearly risk of being dismissed",
        source="source document: elimination threatens the safety need; " + V1,
        label_zh="淘汰风险带来的恐惧",
        doc_zh="员工感到的每年被辞退风险每增加一个单位，失去的工作安全感",
    )
    opacity_anxiety: float = param(
        0.5,
        0.0,
        3.0,
        unit="share",
        doc="rise in the felt risk of dismissal when neither criteria nor method is told",
        source="source document, rule 3 (tell the criteria, method and result); " + V1,
        label_zh="不透明带来的焦虑",
        doc_zh="考核标准和方法都不公开时，员工感到的被辞退风险上升多少",
    )
    rank_certainty: float = param(
        0.05,
        0.01,
        0.5,
        unit="percentile",
        doc="spread of percentile over which a known rank turns the fear of the bottom cut on",
        source="assumed: people know their rank to within a few percent",
        label_zh="排名确定性",
        doc_zh="员工知道自己的名次时，对末位淘汰的恐惧在多大的百分位范围内开启",
    )
    contest_security_loss: float = param(
        0.2,
        0.0,
        0.6,
        unit="security",
        doc="job security lost by people who compete for their own post this month",
        source=V1,
        label_zh="竞聘对安全感的影响",
        doc_zh="本月要为自己的岗位参加竞聘的人失去的工作安全感",
    )
    transparency_per_open_contest: float = param(
        0.2,
        0.0,
        0.5,
        unit="transparency",
        doc="felt transparency of an open contest for posts",
        source="source document: Haier's 'horse racing'; " + V1,
        label_zh="公开竞聘的透明感",
        doc_zh="公开竞争上岗时员工感到的透明度",
    )

    # --- security and what leaving costs ---
    guarantee_security: float = param(
        0.2,
        0.0,
        0.5,
        unit="security",
        doc="job security gained by people covered by a no-layoff guarantee",
        source="source document: Lincoln's no-layoff policy; " + V1,
        label_zh="就业保障对安全感的影响",
        doc_zh="受不裁员保障的员工增加的工作安全感",
    )
    guarantee_reassurance: float = param(
        0.05,
        0.0,
        0.5,
        unit="security",
        doc="job security everyone gains where a no-layoff guarantee is known (times the share covered)",
        source=V1,
        label_zh="就业保障的安抚作用",
        doc_zh="大家都知道有不裁员保障时，每个人增加的工作安全感（乘以受保障者的比例）",
    )
    guarantee_sacrifice: float = param(
        0.2,
        0.0,
        1.0,
        unit="sacrifice",
        doc="what leaving costs those covered by a guarantee (half of it, growing, on the way to it)",
        source="Mitchell et al. 2001 (sacrifice in job embeddedness); " + V1,
        label_zh="就业保障的离职代价",
        doc_zh="受保障者离职要付出的代价（尚未达到保障年限者为一半，并随司龄增加）",
    )
    survivor_fear: float = param(
        1.0,
        0.0,
        5.0,
        unit="security per share laid off",
        doc="job security lost by everyone per share of the workforce laid off in a month",
        source="Brockner et al. 1987, 1992 (layoff survivors); " + V1,
        label_zh="裁员幸存者的恐惧",
        doc_zh="一个月内员工中被裁的比例每增加一个单位，所有人失去的工作安全感",
    )
    survivor_memory_months: float = param(
        6.0,
        0.5,
        36.0,
        unit="months",
        doc="e-folding time of the survivors' fear",
        source=V1,
        label_zh="裁员恐惧的记忆时间",
        doc_zh="留下来的人的恐惧衰减到原来的约37%所需的时间",
    )
    withheld_security: float = param(
        0.5,
        0.0,
        1.0,
        unit="security per share withheld",
        doc="share of job security lost per share of pay deliberately withheld (as for unpaid wages)",
        source="assumed: the same response as to wage arrears",
        label_zh="扣发工资对安全感的影响",
        doc_zh="工资每被故意扣发一个比例，失去的工作安全感比例（与欠薪相同）",
    )
    unvested_sacrifice: float = param(
        0.3,
        0.0,
        1.0,
        unit="sacrifice per bonus-to-pay",
        doc="what leaving costs per unit of bonus not yet vested (as a share of pay)",
        source="Mitchell et al. 2001 (sacrifice); " + V1,
        label_zh="未兑现奖金的离职代价",
        doc_zh="尚未兑现的奖金（占工资的比例）每一个单位带来的离职代价",
    )
    owed_sacrifice: float = param(
        0.1,
        0.0,
        1.0,
        unit="sacrifice per month of wage owed",
        doc="what leaving costs per month of wages owed (people stay to recover back pay)",
        source=V1,
        label_zh="被拖欠工资的离职代价",
        doc_zh="每被拖欠一个月工资带来的离职代价（人们留下来讨回欠薪）",
    )
    reorganisation_unease: float = param(
        0.1,
        0.0,
        0.5,
        unit="security",
        doc="job security lost while departments are being merged",
        source=V1,
        label_zh="重组带来的不安",
        doc_zh="部门合并期间员工失去的工作安全感",
    )
    reorganisation_unease_months: float = param(
        3.0,
        0.0,
        24.0,
        unit="months",
        doc="how long the unease of a merger lasts",
        source=V1,
        label_zh="重组不安持续时间",
        doc_zh="部门合并带来的不安持续多久",
    )
    attention_security: float = param(
        0.1,
        0.0,
        0.5,
        unit="security",
        doc="job security of people whose team management has just talked with and helped",
        source=V1,
        label_zh="管理层关注对安全感的影响",
        doc_zh="管理层刚与其团队谈过话并提供帮助的员工的工作安全感",
    )
    attention_recognition: float = param(
        0.2,
        0.0,
        1.0,
        unit="recognition",
        doc="felt recognition of being attended to",
        source=V1,
        label_zh="管理层关注对认可的影响",
        doc_zh="受到关注时员工感到的认可",
    )

    # --- relations, care, respect, collective life ---
    relations_per_contest: float = param(
        0.3,
        0.0,
        1.0,
        unit="relations",
        doc="relations lost where colleagues may take each other's clients",
        source="source document: Shengyi's salespeople fight over clients; " + V1,
        label_zh="争抢客户对同事关系的影响",
        doc_zh="同事之间可以抢对方客户时同事关系的下降",
    )
    relations_per_shared_accounts: float = param(
        0.1,
        0.0,
        0.5,
        unit="relations",
        doc="relations gained by team selling and shared accounts",
        source=V1,
        label_zh="共享客户对同事关系的影响",
        doc_zh="团队销售、共享客户带来的同事关系改善",
    )
    relations_per_commission: float = param(
        0.15,
        0.0,
        1.0,
        unit="relations per share on commission",
        doc="relations lost per share of the workforce on personal commission (rivalry)",
        source=V1,
        label_zh="个人提成对同事关系的影响",
        doc_zh="员工中拿个人提成的比例每增加一个单位，同事关系的下降（相互竞争）",
    )
    activities_half_spend: float = param(
        0.03,
        0.001,
        0.5,
        unit="share of wage",
        doc="monthly spend on shared activities per person, as a share of the wage, at half effect",
        source="assumed: 100 yuan a month at a 3,300 yuan wage (the first version's half budget)",
        label_zh="集体活动半效支出",
        doc_zh="集体活动每人每月的花费占工资的这一比例时，活动发挥一半的作用",
    )
    collective_per_activities: float = param(
        0.4,
        0.0,
        0.6,
        unit="collective life",
        doc="collective life from shared activities at saturation",
        source=V1,
        label_zh="集体活动对集体生活的影响",
        doc_zh="集体活动充分开展时带来的集体生活",
    )
    relations_per_activities: float = param(
        0.15,
        0.0,
        0.4,
        unit="relations",
        doc="relations from shared activities at saturation",
        source=V1,
        label_zh="集体活动对同事关系的影响",
        doc_zh="集体活动充分开展时带来的同事关系改善",
    )
    care_per_help: float = param(
        0.45,
        0.0,
        0.6,
        unit="care",
        doc="felt care when every hardship is noticed and helped",
        source="source document: emotional care; " + V1,
        label_zh="关怀对被关心感的影响",
        doc_zh="每一个困难都被注意到并得到帮助时员工感到的关怀",
    )
    relations_per_help: float = param(
        0.08,
        0.0,
        0.4,
        unit="relations",
        doc="relations gained when every hardship is noticed and helped",
        source=V1,
        label_zh="关怀对同事关系的影响",
        doc_zh="每一个困难都被注意到并得到帮助时同事关系的改善",
    )
    respect_per_equality: float = param(
        0.25,
        0.0,
        0.45,
        unit="respect per unit of equal treatment",
        doc="felt respect per unit of equal treatment (relations gain a third, rules a fifth of it)",
        source="source document: nobody at Walmart has a reserved parking space; " + V1,
        label_zh="平等待人对尊重的影响",
        doc_zh="平等待人每增加一个单位员工感到的尊重（同事关系增加其三分之一，制度增加其五分之一）",
    )
    arranged_return_effect: float = param(
        0.7,
        0.0,
        1.0,
        unit="share",
        doc="share of the months of weighing up at home that a trip arranged by the firm removes",
        source="source document: all of the Nanjing firm's migrants returned on time; " + V1,
        label_zh="安排返程的作用",
        doc_zh="企业安排返程能消除的在家考虑去留的月数比例",
    )
    holiday_decision_months: float = param(
        6.0,
        0.0,
        24.0,
        unit="months",
        doc="months of quit hazard that people weigh up while home for a holiday break",
        source="assumed: the Spring Festival is when migrant workers choose their next job",
        label_zh="春节在家考虑去留的月数",
        doc_zh="员工回家过年期间考虑去留所对应的月数（按离职风险计）",
    )

    # --- recognition, work itself, growth, advancement ---
    recognition_per_praise: float = param(
        0.15,
        0.0,
        0.5,
        unit="recognition",
        doc="felt recognition where everyone who does well is praised",
        source=V1,
        label_zh="普遍表扬对认可的影响",
        doc_zh="所有表现好的人都受到表扬时员工感到的认可",
    )
    award_glow: float = param(
        0.3,
        0.0,
        1.0,
        unit="recognition",
        doc="felt recognition of winning an award (a fading shock)",
        source="Frey 2007 (awards); " + V1,
        label_zh="获奖的荣誉感",
        doc_zh="获奖时感到的认可（随时间消退）",
    )
    award_envy: float = param(
        0.05,
        0.0,
        0.5,
        unit="recognition",
        doc="felt slight of being passed over for an award",
        source="Adams 1965; " + V1,
        label_zh="落选的失落感",
        doc_zh="评奖落选时感到的被冷落",
    )
    work_itself_per_enrichment: float = param(
        0.35,
        0.0,
        0.5,
        unit="work itself",
        doc="felt interest of the work itself per unit of job enrichment (growth and voice a third)",
        source="Herzberg 1968; Hackman & Oldham 1976; " + V1,
        label_zh="工作丰富化对工作本身的影响",
        doc_zh="工作丰富化每增加一个单位，工作本身的吸引力增加多少（成长和话语权增加其三分之一）",
    )
    defects_per_enrichment: float = param(
        0.2,
        0.0,
        0.8,
        unit="share",
        doc="share of defects avoided per unit of job enrichment (people who own the whole piece take care)",
        source=V1,
        label_zh="工作丰富化减少的次品",
        doc_zh="工作丰富化每增加一个单位避免的次品比例（对整件工作负责的人更用心）",
    )
    advancement_per_ladder: float = param(
        0.08,
        0.0,
        0.3,
        unit="advancement",
        doc="felt advancement chances per career ladder beyond the managerial one",
        source="source document: several promotion ladders; " + V1,
        label_zh="每条晋升通道对发展机会的影响",
        doc_zh="管理通道之外每多一条职业通道，员工感到的晋升机会",
    )
    advancement_per_pay_bands: float = param(
        0.08,
        0.0,
        0.5,
        unit="advancement",
        doc="felt advancement chances from pay levels within a post",
        source="source document: several pay levels in one post; " + V1,
        label_zh="一岗多薪对发展机会的影响",
        doc_zh="同一岗位内分出多个薪级时员工感到的晋升机会",
    )
    advancement_per_promotion: float = param(
        0.1,
        0.0,
        0.5,
        unit="advancement",
        doc="felt advancement and transparency of promotion by open competition (appointment: half the advancement, transparency lost)",
        source="source document: 'horse racing, not horse picking'; " + V1,
        label_zh="晋升方式的影响",
        doc_zh="公开竞争晋升时员工感到的晋升机会和透明度（领导任命：晋升机会减半，失去透明度）",
    )
    growth_per_training: float = param(
        0.15,
        0.0,
        0.5,
        unit="growth",
        doc="felt growth when everyone is in training",
        source="Herzberg 1959 (growth as a motivator); " + V1,
        label_zh="培训对成长感的影响",
        doc_zh="所有人都在参加培训时员工感到的成长",
    )

    # --- rules, culture and vision ---
    transparency_per_explanation: float = param(
        0.1,
        0.0,
        0.5,
        unit="transparency",
        doc="felt transparency where major decisions are explained (voice and rules gain half)",
        source="source document: communicate major decisions; " + V1,
        label_zh="解释决策对透明感的影响",
        doc_zh="重大决策都向员工解释时员工感到的透明度（话语权和制度增加其一半）",
    )
    rules_per_culture_programme: float = param(
        0.1,
        0.0,
        0.5,
        unit="rules",
        doc="clarity of rules from a culture programme at full intensity",
        source="source document: Haier says what is right and wrong; " + V1,
        label_zh="文化建设对制度清晰度的影响",
        doc_zh="企业文化建设全力开展时制度的清晰程度",
    )
    recognition_per_culture_programme: float = param(
        0.05,
        0.0,
        0.5,
        unit="recognition",
        doc="recognition from good examples told as stories, at full intensity",
        source=V1,
        label_zh="文化建设对认可的影响",
        doc_zh="企业文化建设全力开展时，以故事形式宣传好榜样带来的认可",
    )
    culture_gain: float = param(
        0.05,
        0.0,
        0.5,
        unit="1/month",
        doc="share of culture strength's gap to 1 closed each month by a culture programme at full intensity",
        source="assumed: a year of steady culture work makes a culture mostly shared; " + V1,
        label_zh="文化建设的文化强度增益",
        doc_zh="企业文化建设全力开展时，每月缩小文化强度与1之间差距的比例",
    )
    socialisation_per_programme: float = param(
        0.05,
        0.0,
        0.5,
        unit="1/month",
        doc="extra socialisation rate from teaching the firm's values (or a culture programme) at full intensity",
        source="Van Maanen & Schein 1979; " + V1,
        label_zh="价值观灌输的社会化增益",
        doc_zh="全力宣讲企业价值观（或开展文化建设）时额外增加的价值观同化速度",
    )
    onboarding_rate: float = param(
        0.15,
        0.0,
        1.0,
        unit="1/month",
        doc="share of a newcomer's gap to the firm's values closed each month of an orientation",
        source=V1,
        label_zh="入职培训的价值观同化速度",
        doc_zh="入职引导培训期间，新员工每月缩小与企业价值观之间差距的比例",
    )
    rules_per_quality_system: float = param(
        0.05,
        0.0,
        0.5,
        unit="rules",
        doc="clarity of rules from a step-by-step quality audit",
        source=V1,
        label_zh="质量体系对制度清晰度的影响",
        doc_zh="逐道工序的质量审核带来的制度清晰程度",
    )
    rules_per_merger: float = param(
        0.05,
        0.0,
        0.5,
        unit="rules",
        doc="clarity of rules after merging departments (clearer lines of authority)",
        source=V1,
        label_zh="合并部门对制度清晰度的影响",
        doc_zh="合并部门后制度的清晰程度（权责更清楚）",
    )
    vision_review_strength: float = param(
        0.7,
        0.0,
        1.0,
        unit="share",
        doc="share of the gap to full belief in the shared vision that a review with staff closes",
        source="source document: review the vision with staff; " + V1,
        label_zh="愿景检视的效果",
        doc_zh="与员工一起检视愿景能缩小的、与完全相信共同愿景之间差距的比例",
    )
    crisis_reassurance: float = param(
        0.5,
        0.0,
        1.0,
        unit="share",
        doc="share of the memory of departed colleagues that a crisis meeting dispels",
        source="source document: discussing the vision in a crisis keeps staff confident; " + V1,
        label_zh="危机沟通的安抚作用",
        doc_zh="危机讨论会能消除的对离职同事的记忆比例",
    )

    # --- pay schemes: what piece rates do to care over quality ---
    speed_over_quality: float = param(
        0.05,
        0.0,
        0.5,
        unit="share of output",
        doc="rise in the defect rate when every unit is paid, good or bad",
        source="Lazear 1986 (quantity over quality under piece rates); " + V1,
        label_zh="计件制下的重量轻质",
        doc_zh="不论好坏每件都计酬时次品率的上升",
    )
    care_when_defects_unpaid: float = param(
        0.5,
        0.0,
        1.0,
        unit="share",
        doc="share of defects avoided when defective units earn nothing until reworked",
        source="source document: at Lincoln a defective part earns nothing until repaired; " + V1,
        label_zh="次品不计酬时的细心程度",
        doc_zh="次品返修合格前不计报酬时避免的次品比例",
    )
