// The statistics as tables: the rates and totals, every count, and the days per stage.
import type { Count, Rate, Statistics } from '../../statistics/compute';
import type { Table } from './table';

const DIMENSIONS: Array<[keyof Statistics['counts'], string]> = [
  ['kind', '信访类型'], ['channel', '来源渠道'], ['sourceLevel', '来源层级'], ['source', '交办机关'], ['township', '乡镇'],
  ['category', '救助类别'], ['stage', '办理阶段'], ['outcome', '办理结果'], ['satisfaction', '满意度'],
];

const rateRow = (name: string, r: Rate) => [name, r.rate, r.numerator, r.denominator];

export function statisticsTables(s: Statistics): Table[] {
  return [
    {
      title: '概况',
      columns: [{ header: '指标', width: 16 }, { header: '数值' }, { header: '分子' }, { header: '分母' }],
      rows: [
        ['案件总数', s.total, null, null],
        rateRow('按期办结率', s.rates.onTimeClosure),
        rateRow('答复率', s.rates.reply),
        rateRow('满意率', s.rates.satisfaction),
        ['超期件数', s.overdue, null, null],
        ['督办件数', s.supervised, null, null],
        ['涉及公职人员或干部件数', s.cadres.concerning, null, null],
        ['其中检举控告（转纪检监察）', s.cadres.accusations, null, null],
      ],
    },
    {
      title: '分类统计',
      columns: [{ header: '分类', width: 12 }, { header: '项目', width: 20 }, { header: '件数' }],
      rows: DIMENSIONS.flatMap(([dim, name]) => (s.counts[dim] as Count[]).map((c) => [name, c.label, c.count])),
    },
    {
      title: '办理时长',
      columns: [{ header: '办理阶段' }, { header: '办理次数' }, { header: '平均天数' }, { header: '90%分位天数', width: 14 }],
      rows: s.stageDays.map((d) => [d.label, d.spans, d.averageDays, d.p90Days]),
    },
  ];
}
