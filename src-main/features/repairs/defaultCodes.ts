import type { CodeList } from '../../../src-shared/domain/repairTypes'

/**
 * Starting code lists for a phone / appliance service point. The shop (or HQ, later) edits
 * them; codes stay stable so the failure statistics stay comparable.
 */
export const DEFAULT_CODES: { list: CodeList; code: string; label: string }[] = [
  { list: 'symptom', code: 'S01', label: '不开机 / 无法启动' },
  { list: 'symptom', code: 'S02', label: '屏幕无显示或显示异常' },
  { list: 'symptom', code: 'S03', label: '触摸失灵' },
  { list: 'symptom', code: 'S04', label: '无法充电 / 充电慢' },
  { list: 'symptom', code: 'S05', label: '电池续航短 / 鼓包' },
  { list: 'symptom', code: 'S06', label: '进水 / 受潮' },
  { list: 'symptom', code: 'S07', label: '无信号 / 通话异常' },
  { list: 'symptom', code: 'S08', label: '无声音 / 杂音' },
  { list: 'symptom', code: 'S09', label: '摄像头故障' },
  { list: 'symptom', code: 'S10', label: '自动重启 / 死机' },
  { list: 'symptom', code: 'S11', label: '不制冷 / 制冷差' },
  { list: 'symptom', code: 'S12', label: '漏水' },
  { list: 'symptom', code: 'S13', label: '异响 / 振动大' },
  { list: 'symptom', code: 'S99', label: '其他' },
  { list: 'fault_location', code: 'L01', label: '主板' },
  { list: 'fault_location', code: 'L02', label: '屏幕总成' },
  { list: 'fault_location', code: 'L03', label: '电池' },
  { list: 'fault_location', code: 'L04', label: '充电接口 / 尾插' },
  { list: 'fault_location', code: 'L05', label: '摄像头模组' },
  { list: 'fault_location', code: 'L06', label: '扬声器 / 听筒' },
  { list: 'fault_location', code: 'L07', label: '按键 / 排线' },
  { list: 'fault_location', code: 'L08', label: '电源板' },
  { list: 'fault_location', code: 'L09', label: '压缩机' },
  { list: 'fault_location', code: 'L10', label: '电机' },
  { list: 'fault_location', code: 'L11', label: '软件系统' },
  { list: 'fault_location', code: 'L99', label: '其他部位' },
  { list: 'fault_cause', code: 'C01', label: '元器件自然老化 / 失效' },
  { list: 'fault_cause', code: 'C02', label: '生产工艺缺陷' },
  { list: 'fault_cause', code: 'C03', label: '进液腐蚀' },
  { list: 'fault_cause', code: 'C04', label: '外力撞击 / 跌落' },
  { list: 'fault_cause', code: 'C05', label: '使用不当' },
  { list: 'fault_cause', code: 'C06', label: '软件故障' },
  { list: 'fault_cause', code: 'C07', label: '第三方拆修' },
  { list: 'fault_cause', code: 'C08', label: '未发现故障' },
  { list: 'fault_cause', code: 'C99', label: '其他原因' }
]
