/**
 * Services the simulator accepts orders for. goskit DEMO data: the codes look like EPGU service codes
 * but only 10000000109 (СФР pension delivery, seen in go-api-epgu) is a real one; the school services
 * are goskit's own so «Демо школа» scenarios have something to order.
 */
export interface DemoService {
  serviceCode: string;
  title: string;
  /** Accepted targetCode values. */
  targets: string[];
  /** Department shown in the order details. */
  department: string;
}

export const DEMO_SERVICES: readonly DemoService[] = [
  {
    serviceCode: '10000000367',
    title: 'Запись в первый класс (goskit demo)',
    targets: ['-10000000367', '10000000368'],
    department: 'Демо школа',
  },
  {
    serviceCode: '10000000380',
    title: 'Зачисление в организацию дополнительного образования (goskit demo)',
    targets: ['-10000000380'],
    department: 'Демо школа',
  },
  {
    serviceCode: '10000000400',
    title: 'Справка об обучении в образовательной организации (goskit demo)',
    targets: ['-10000000400'],
    department: 'Демо школа',
  },
  {
    serviceCode: '10000000109',
    title: 'Доставка пенсии и социальных выплат СФР',
    targets: ['-10000000109'],
    department: 'Фонд пенсионного и социального страхования Российской Федерации',
  },
];

export function findService(serviceCode: string): DemoService | undefined {
  return DEMO_SERVICES.find((service) => service.serviceCode === serviceCode);
}
