using Inngest.Events;

namespace FixAllMistakes.Shipping;

/// <summary>A parcel left the warehouse.</summary>
[Event("shipping/shipment.dispatched")]
public partial record ShipmentDispatched(string ShipmentId, string OrderId, string Carrier);

/// <summary>The carrier delivered a parcel.</summary>
[Event("shipping/shipment.delivered")]
public partial record ShipmentDelivered(string ShipmentId, string OrderId);

/// <summary>A shipping label came out of the printer.</summary>
[Event("shipping/label.printed", Id = "label-printed-{ShipmentId}")]
public partial record LabelPrinted(string ShipmentId, string PrinterId);

/// <summary>The customer was told where their parcel is.</summary>
[Event("shipping/customer.notified", Id = "{ShipmentId}-{Channel}")]
public partial record CustomerNotified(string ShipmentId, string CustomerId, string Channel);

/// <summary>A parcel came back to the warehouse.</summary>
[Event("shipping/shipment.returned")]
public partial record ShipmentReturned(string ShipmentId, string Reason);
